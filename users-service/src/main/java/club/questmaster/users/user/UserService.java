package club.questmaster.users.user;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.users.auth.RefreshTokenRepository;
import club.questmaster.users.password.PasswordHasher;
import club.questmaster.users.password.PasswordPolicy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Users and their administration (api.md §2). Every write changes the row and appends its user event in one
 * transaction. Passwords are hashed between a read-only check and the write transaction, never inside a session.
 */
@ApplicationScoped
public class UserService {

    public static final int SEARCH_LIMIT = 10;
    public static final int MAX_IDS = 100;

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final UserEventPublisher events;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;

    public UserService(UserRepository users, RefreshTokenRepository refreshTokens, UserEventPublisher events,
            PasswordHasher hasher, PasswordPolicy policy) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.hasher = hasher;
        this.policy = policy;
    }

    // ---- the caller ----------------------------------------------------------------------------------------------

    /**
     * The caller with their current roles. A deleted account's token is refused (401), a banned one's too (403
     * ACCOUNT_BANNED), at once. A token whose subject has no account here (signed with our key all the same, e.g.
     * by another service's tests) keeps the roles it carries.
     */
    Uni<Actor> resolve(Actor fromToken) {
        return users.findById(fromToken.id()).map(user -> {
            if (user == null) {
                return fromToken;
            }
            if (user.deleted()) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
            }
            if (user.banned) {
                throw new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
            }
            return new Actor(user.id, user.roles());
        });
    }

    private Uni<Actor> resolveAdmin(Actor fromToken) {
        return resolve(fromToken).invoke(actor -> {
            if (!actor.atLeast(Role.ADMIN)) {
                throw ApiException.forbidden("Administrators only.");
            }
        });
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** One read: the caller's row is both the authority check of {@link #resolve} and the answer. */
    @WithSession
    public Uni<UserView> me(Actor caller) {
        return users.findById(caller.id()).map(user -> {
            if (user == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            if (user.deleted()) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
            }
            if (user.banned) {
                throw new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
            }
            return UserView.of(user);
        });
    }

    @WithSession
    public Uni<UserView> get(Actor caller, String id) {
        return resolve(caller).chain(actor -> UserIds.valid(id) ? users.findLive(id) : Uni.createFrom().nullItem())
                .map(user -> UserView.of(require(user)));
    }

    /** The live users among {@code ids}, in the order asked; unknown ids are left out. */
    @WithSession
    public Uni<List<UserView>> byIds(Actor caller, List<String> ids) {
        if (ids.size() > MAX_IDS) {
            return Uni.createFrom().failure(ApiException.invalid("ids", "at most " + MAX_IDS + " ids"));
        }
        List<String> valid = ids.stream().filter(UserIds::valid).distinct().toList();
        return resolve(caller).chain(actor -> users.findLiveByIds(valid)).map(found -> {
            Map<String, User> byId = new LinkedHashMap<>();
            found.forEach(u -> byId.put(u.id, u));
            return valid.stream().map(byId::get).filter(Objects::nonNull).map(UserView::of).toList();
        });
    }

    @WithSession
    public Uni<List<UserView>> search(Actor caller, String q) {
        return resolve(caller).chain(actor -> users.search(q, SEARCH_LIMIT))
                .map(found -> found.stream().map(UserView::of).toList());
    }

    @WithSession
    public Uni<PageResult<AdminUserView>> list(Actor caller, UserRepository.Filter filter, PageRequest page) {
        return resolveAdmin(caller)
                .chain(actor -> users.count(filter))
                .chain(total -> users.page(filter, page)
                        .map(rows -> PageResult.of(rows.stream().map(AdminUserView::of).toList(), total, page)));
    }

    @WithSession
    public Uni<AdminUserView> adminGet(Actor caller, String id) {
        return resolveAdmin(caller).chain(actor -> findTarget(id, false)).map(AdminUserView::of);
    }

    // ---- creating ------------------------------------------------------------------------------------------------

    public Uni<AdminUserView> create(Actor caller, CreateUserRequest request) {
        List<String> roles = Roles.validated("roles",
                request.roles() == null ? List.of(Role.PLAYER_NAME) : request.roles());
        policy.check("password", request.username(), request.password());
        return checkCreate(caller, request.username(), roles)
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> insert(caller, request, roles, hash));
    }

    @WithSession
    Uni<Void> checkCreate(Actor caller, String username, List<String> roles) {
        return resolveAdmin(caller).chain(actor -> mayCreate(actor, username, roles));
    }

    @WithTransaction
    Uni<AdminUserView> insert(Actor caller, CreateUserRequest request, List<String> roles, String hash) {
        return resolveAdmin(caller).call(actor -> mayCreate(actor, request.username(), roles)).chain(actor -> {
            OffsetDateTime now = now();
            User user = new User();
            user.id = UserIds.newLocalId();
            user.username = request.username();
            user.name = request.name() == null || request.name().isBlank() ? request.username() : request.name().strip();
            user.setRoles(roles);
            user.provider = User.LOCAL;
            user.passwordHash = hash;
            user.createdAt = now;
            user.updatedAt = now;
            return users.persist(user)
                    .call(saved -> events.publish(UserEventData.Types.CREATED, saved, actor.id()))
                    .map(AdminUserView::of);
        });
    }

    private Uni<Void> mayCreate(Actor actor, String username, List<String> roles) {
        if (!actor.grants(roles)) {
            return Uni.createFrom().failure(ApiException.forbidden("You may only grant roles below your own."));
        }
        return users.usernameTaken(username, null).invoke(taken -> {
            if (taken) {
                throw new ApiException(ErrorCode.NAME_TAKEN, "The username '" + username + "' is taken.");
            }
        }).replaceWithVoid();
    }

    // ---- updating ------------------------------------------------------------------------------------------------

    public Uni<AdminUserView> patch(Actor caller, String id, PatchUserRequest request) {
        if (request.nameSet() && (request.name() == null || request.name().isBlank())) {
            return Uni.createFrom().failure(ApiException.invalid("name", "must not be empty"));
        }
        if (request.rolesSet() && request.roles() == null) {
            return Uni.createFrom().failure(ApiException.invalid("roles", "must not be null"));
        }
        if (request.passwordSet() && request.password() == null) {
            return Uni.createFrom().failure(ApiException.invalid("password", "must not be null"));
        }
        List<String> roles = request.rolesSet() ? Roles.validated("roles", request.roles()) : null;
        OffsetDateTime notPlayerAsOf = request.notPlayerAsOf();
        return checkPatch(caller, id, request, roles)
                .chain(() -> request.passwordSet() ? hasher.hash(request.password()) : Uni.createFrom().nullItem())
                .chain(hash -> applyPatch(caller, id, request, roles, notPlayerAsOf, hash));
    }

    @WithSession
    Uni<Void> checkPatch(Actor caller, String id, PatchUserRequest request, List<String> roles) {
        return resolveAdmin(caller).chain(actor -> findTarget(id, false)
                .invoke(target -> mayPatch(actor, target, request, roles))).replaceWithVoid();
    }

    @WithTransaction
    Uni<AdminUserView> applyPatch(Actor caller, String id, PatchUserRequest request, List<String> roles,
            OffsetDateTime notPlayerAsOf, String hash) {
        return resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            mayPatch(actor, target, request, roles);
            boolean publicChange = false;
            if (request.nameSet() && !request.name().strip().equals(target.name)) {
                target.name = request.name().strip();
                publicChange = true;
            }
            if (roles != null && !roles.equals(target.roles())) {
                boolean wasPlayer = target.roles().contains(Role.PLAYER_NAME);
                boolean isPlayer = roles.contains(Role.PLAYER_NAME);
                target.setRoles(roles);
                if (!request.notPlayerAsOfSet() && wasPlayer != isPlayer) {
                    target.notPlayerAsOf = isPlayer ? null : now();
                }
                publicChange = true;
            }
            if (request.notPlayerAsOfSet() && !sameInstant(notPlayerAsOf, target.notPlayerAsOf)) {
                target.notPlayerAsOf = notPlayerAsOf;
                publicChange = true;
            }
            Uni<?> revoke = Uni.createFrom().voidItem();
            if (hash != null) {
                target.passwordHash = hash;
                target.failedLogins = 0;
                target.lockedUntil = null;
                // A new password ends every session opened with the old one.
                revoke = refreshTokens.revokeAllOf(target.id, now());
            }
            if (publicChange || hash != null) {
                target.updatedAt = now();
            }
            Uni<Void> event = publicChange ? events.publish(UserEventData.Types.UPDATED, target, actor.id())
                    : Uni.createFrom().voidItem();
            return revoke.chain(() -> event).map(ignored -> AdminUserView.of(target));
        }));
    }

    private void mayPatch(Actor actor, User target, PatchUserRequest request, List<String> roles) {
        if (!actor.manages(target.roles())) {
            throw ApiException.forbidden("You may only manage users ranked below you.");
        }
        if (roles != null) {
            if (actor.id().equals(target.id) && !roles.equals(target.roles())) {
                throw ApiException.forbidden("You may not change your own roles.");
            }
            if (!actor.grants(roles)) {
                throw ApiException.forbidden("You may only grant roles below your own.");
            }
        }
        if (request.passwordSet()) {
            policy.check("password", target.username, request.password());
        }
    }

    // ---- moderation ----------------------------------------------------------------------------------------------

    /** Bans: every refresh token is revoked, the event tells every service to refuse the live access tokens. */
    @WithTransaction
    public Uni<AdminUserView> ban(Actor caller, String id, String reason) {
        return resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            mayModerate(actor, target, "ban");
            if (target.banned) {
                return Uni.createFrom().item(AdminUserView.of(target));
            }
            OffsetDateTime now = now();
            target.banned = true;
            target.banReason = reason == null || reason.isBlank() ? null : reason.strip();
            target.bannedAt = now;
            target.updatedAt = now;
            return refreshTokens.revokeAllOf(target.id, now)
                    .chain(() -> events.publish(UserEventData.Types.BANNED, target, actor.id()))
                    .map(ignored -> AdminUserView.of(target));
        }));
    }

    @WithTransaction
    public Uni<AdminUserView> unban(Actor caller, String id) {
        return resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            mayModerate(actor, target, "unban");
            if (!target.banned) {
                return Uni.createFrom().item(AdminUserView.of(target));
            }
            target.banned = false;
            target.banReason = null;
            target.bannedAt = null;
            target.updatedAt = now();
            return events.publish(UserEventData.Types.UNBANNED, target, actor.id())
                    .map(ignored -> AdminUserView.of(target));
        }));
    }

    /** Soft delete (superusers): the row stays so history elsewhere keeps its author; the username is freed. */
    @WithTransaction
    public Uni<Void> delete(Actor caller, String id) {
        return resolve(caller).chain(actor -> {
            if (!actor.superuser()) {
                throw ApiException.forbidden("Superusers only.");
            }
            return findTarget(id, true).chain(target -> {
                mayModerate(actor, target, "delete");
                OffsetDateTime now = now();
                target.deletedAt = now;
                target.updatedAt = now;
                return refreshTokens.revokeAllOf(target.id, now)
                        .chain(() -> events.publish(UserEventData.Types.DELETED, target, actor.id()));
            });
        });
    }

    private static void mayModerate(Actor actor, User target, String what) {
        if (actor.id().equals(target.id)) {
            throw ApiException.forbidden("You may not " + what + " yourself.");
        }
        if (!actor.manages(target.roles())) {
            throw ApiException.forbidden("You may only manage users ranked below you.");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Uni<User> findTarget(String id, boolean lock) {
        if (!UserIds.valid(id)) {
            return Uni.createFrom().failure(ApiException.notFound("No such user."));
        }
        return (lock ? users.lockLive(id) : users.findLive(id)).map(UserService::require);
    }

    private static User require(User user) {
        if (user == null) {
            throw ApiException.notFound("No such user.");
        }
        return user;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Parses a comma-separated {@code ids} query parameter. */
    public static List<String> splitIds(String ids) {
        List<String> list = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return list;
    }
}
