package club.questmaster.users.user;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.users.password.PasswordHasher;
import club.questmaster.users.password.PasswordPolicy;
import club.questmaster.users.session.SessionRepository;
import club.questmaster.users.session.SessionService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Account administration (api.md §2). Every write changes the row and appends its user event in one transaction.
 * Passwords are hashed between a read-only check and the write transaction, never inside a session; the write
 * re-checks under the row lock, since the check and the write are two transactions. Who may do what:
 * {@link AccountRules}; what a patch changes: {@link UserPatch}.
 */
@ApplicationScoped
public class UserAdminService {

    private final UserRepository users;
    private final UserAuthority authority;
    private final SessionRepository sessions;
    private final SessionService sessionService;
    private final UserEventPublisher events;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;

    public UserAdminService(UserRepository users, UserAuthority authority, SessionRepository sessions,
            SessionService sessionService, UserEventPublisher events, PasswordHasher hasher, PasswordPolicy policy) {
        this.users = users;
        this.authority = authority;
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.events = events;
        this.hasher = hasher;
        this.policy = policy;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    @WithSession
    public Uni<PageResult<AdminUserView>> list(Caller caller, UserRepository.Filter filter, PageRequest page) {
        return authority.resolveAdmin(caller)
                .chain(actor -> users.count(filter))
                .chain(total -> users.page(filter, page).map(rows ->
                        PageResult.of(rows.stream().map(UserMapping::adminView).toList(), total, page)));
    }

    @WithSession
    public Uni<AdminUserView> get(Caller caller, String id) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, false)).map(UserMapping::adminView);
    }

    // ---- creating ------------------------------------------------------------------------------------------------

    public Uni<AdminUserView> create(Caller caller, CreateUserRequest request) {
        List<String> roles = Roles.validated("roles",
                request.roles() == null ? List.of(Role.PLAYER_NAME) : request.roles());
        policy.check("password", request.username(), request.password());
        return checkCreate(caller, request.username(), roles)
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> insert(caller, request, roles, hash));
    }

    @WithSession
    Uni<Void> checkCreate(Caller caller, String username, List<String> roles) {
        return authority.resolveAdmin(caller).chain(actor -> mayCreate(actor, username, roles));
    }

    @WithTransaction
    Uni<AdminUserView> insert(Caller caller, CreateUserRequest request, List<String> roles, String hash) {
        return authority.resolveAdmin(caller).call(actor -> mayCreate(actor, request.username(), roles))
                .chain(actor -> users.persist(UserMapping.newLocalAccount(UserIds.newLocalId(), request, roles, hash, now()))
                        .call(saved -> events.publish(UserEventData.Types.CREATED, saved, actor.id()))
                        .map(UserMapping::adminView));
    }

    private Uni<Void> mayCreate(Caller actor, String username, List<String> roles) {
        AccountRules.checkGrant(actor, roles);
        return users.usernameTaken(username, null).invoke(taken -> {
            if (taken) {
                throw new ApiException(ErrorCode.NAME_TAKEN, "The username '" + username + "' is taken.");
            }
        }).replaceWithVoid();
    }

    // ---- updating ------------------------------------------------------------------------------------------------

    public Uni<AdminUserView> patch(Caller caller, String id, PatchUserRequest request) {
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
        return checkPatch(caller, id, request, roles)
                .chain(() -> request.passwordSet() ? hasher.hash(request.password()) : Uni.createFrom().nullItem())
                .chain(hash -> applyPatch(caller, id, request, roles, hash));
    }

    @WithSession
    Uni<Void> checkPatch(Caller caller, String id, PatchUserRequest request, List<String> roles) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, false)
                .invoke(target -> mayPatch(actor, target, request, roles))).replaceWithVoid();
    }

    @WithTransaction
    Uni<AdminUserView> applyPatch(Caller caller, String id, PatchUserRequest request, List<String> roles, String hash) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            mayPatch(actor, target, request, roles);
            OffsetDateTime now = now();
            UserPatch.Change change = UserPatch.apply(target, request, roles, hash, now);
            // A new password ends every session opened with the old one, and their access tokens everywhere.
            Uni<?> revoke = change.passwordChanged() ? sessionService.revokeAll(target, actor.id(), now)
                    : Uni.createFrom().voidItem();
            Uni<Void> event = change.publicChange() ? events.publish(UserEventData.Types.UPDATED, target, actor.id())
                    : Uni.createFrom().voidItem();
            return revoke.chain(() -> event).map(ignored -> UserMapping.adminView(target));
        }));
    }

    private void mayPatch(Caller actor, User target, PatchUserRequest request, List<String> roles) {
        AccountRules.checkPatch(actor, target, roles);
        if (request.passwordSet()) {
            policy.check("password", target.username, request.password());
        }
    }

    // ---- delegated permissions ---------------------------------------------------------------------------------

    /** Replaces the target's delegated permissions; a change publishes {@code questmaster.user.permissions.changed}. */
    public Uni<AdminUserView> setPermissions(Caller caller, String id, List<String> requested) {
        if (requested == null) {
            return Uni.createFrom().failure(ApiException.invalid("permissions", "must not be null"));
        }
        List<String> permissions = Permissions.validated("permissions", requested);
        return writePermissions(caller, id, permissions);
    }

    @WithTransaction
    Uni<AdminUserView> writePermissions(Caller caller, String id, List<String> permissions) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            AccountRules.checkPermissions(actor, target);
            if (permissions.equals(target.permissions())) {
                return Uni.createFrom().item(UserMapping.adminView(target));
            }
            target.setPermissions(permissions);
            target.updatedAt = now();
            return events.publish(UserEventData.Types.PERMISSIONS_CHANGED, target, actor.id())
                    .map(ignored -> UserMapping.adminView(target));
        }));
    }

    // ---- moderation ----------------------------------------------------------------------------------------------

    /** Bans: every refresh token is revoked, the event tells every service to refuse the live access tokens. */
    @WithTransaction
    public Uni<AdminUserView> ban(Caller caller, String id, String reason) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            AccountRules.checkModerate(actor, target, "ban");
            if (target.banned) {
                return Uni.createFrom().item(UserMapping.adminView(target));
            }
            OffsetDateTime now = now();
            target.banned = true;
            target.banReason = reason == null || reason.isBlank() ? null : reason.strip();
            target.bannedAt = now;
            target.updatedAt = now;
            // The ban event itself makes every service refuse the live access tokens; the sessions end, their sids are
            // not revoked (an unban lets their last access tokens live out their few minutes, as everywhere else).
            return sessions.endAllOf(target.id, now)
                    .chain(() -> events.publish(UserEventData.Types.BANNED, target, actor.id()))
                    .map(ignored -> UserMapping.adminView(target));
        }));
    }

    @WithTransaction
    public Uni<AdminUserView> unban(Caller caller, String id) {
        return authority.resolveAdmin(caller).chain(actor -> findTarget(id, true).chain(target -> {
            AccountRules.checkModerate(actor, target, "unban");
            if (!target.banned) {
                return Uni.createFrom().item(UserMapping.adminView(target));
            }
            target.banned = false;
            target.banReason = null;
            target.bannedAt = null;
            target.updatedAt = now();
            return events.publish(UserEventData.Types.UNBANNED, target, actor.id())
                    .map(ignored -> UserMapping.adminView(target));
        }));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Uni<User> findTarget(String id, boolean lock) {
        if (!UserIds.valid(id)) {
            return Uni.createFrom().failure(ApiException.notFound("No such user."));
        }
        return (lock ? users.lockLive(id) : users.findLive(id)).map(UserAdminService::require);
    }

    static User require(User user) {
        if (user == null) {
            throw ApiException.notFound("No such user.");
        }
        return user;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
