package club.questmaster.users.privacy;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.users.password.PasswordHasher;
import club.questmaster.users.user.AccountRules;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserAuthority;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserIds;
import club.questmaster.users.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Erasure (api.md §8): by the owner ({@code DELETE /users/me}, confirmed by their password, or by
 * {@code confirm: "DELETE"} for a Discord account, which has none) or by a superuser
 * ({@code DELETE /admin/users/{id}}). In one transaction: the account becomes a tombstone without personal data
 * ({@link Erasure}), its sessions, refresh tokens, API tokens, exports and failed-login records are deleted, the outbox rows about it
 * (snapshots with its name) too, and {@code questmaster.user.erased} goes to the outbox; every other
 * service then removes or anonymises what it holds.
 */
@ApplicationScoped
public class ErasureService {

    public static final String CONFIRMATION = "DELETE";

    private final UserRepository users;
    private final UserAuthority authority;
    private final UserEventPublisher events;
    private final PasswordHasher hasher;

    public ErasureService(UserRepository users, UserAuthority authority, UserEventPublisher events,
            PasswordHasher hasher) {
        this.users = users;
        this.authority = authority;
        this.events = events;
        this.hasher = hasher;
    }

    /** The password is checked on the hashing pool, between a read and the erasing transaction. */
    public Uni<Void> eraseMe(Caller caller, PrivacyViews.Erase request) {
        return confirmation(caller).chain(account -> {
            if (User.DISCORD.equals(account.provider())) {
                if (request == null || !CONFIRMATION.equals(request.confirm())) {
                    throw ApiException.invalid("confirm", "must be \"DELETE\" to erase a Discord account");
                }
                return Uni.createFrom().voidItem();
            }
            if (request == null || request.password() == null || request.password().isEmpty()) {
                throw ApiException.invalid("password", "is required to erase the account");
            }
            return hasher.verify(request.password(), account.passwordHash()).invoke(matches -> {
                if (!matches) {
                    throw ApiException.forbidden("The password is wrong.");
                }
            }).replaceWithVoid();
        }).chain(() -> eraseSelf(caller));
    }

    record Account(String provider, String passwordHash) {
    }

    @WithSession
    Uni<Account> confirmation(Caller caller) {
        return authority.resolve(caller).chain(actor -> users.findLive(actor.id())).map(user -> {
            if (user == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            return new Account(user.provider, user.passwordHash);
        });
    }

    @WithTransaction
    Uni<Void> eraseSelf(Caller caller) {
        return authority.resolve(caller).chain(actor -> users.lockLive(actor.id()).chain(user -> {
            if (user == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            return erase(user, actor.id());
        }));
    }

    /** The superuser's delete: an erasure of someone they manage, never of themselves. */
    @WithTransaction
    public Uni<Void> eraseByAdmin(Caller caller, String id) {
        return authority.resolve(caller).invoke(AccountRules::requireSuperuser).chain(actor -> {
            if (!UserIds.valid(id)) {
                throw ApiException.notFound("No such user.");
            }
            return users.lockLive(id).chain(target -> {
                if (target == null) {
                    throw ApiException.notFound("No such user.");
                }
                AccountRules.checkModerate(actor, target, "delete");
                return erase(target, actor.id());
            });
        });
    }

    private Uni<Void> erase(User user, String actorId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Erasure.anonymise(user, now);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM refresh_token WHERE user_id = :id").setParameter("id", user.id)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM user_session WHERE user_id = :id")
                        .setParameter("id", user.id).executeUpdate())
                .chain(() -> session.createNativeQuery("DELETE FROM api_token WHERE user_id = :id")
                        .setParameter("id", user.id).executeUpdate())
                .chain(() -> session.createNativeQuery("DELETE FROM privacy_export WHERE user_id = :id")
                        .setParameter("id", user.id).executeUpdate())
                // The client addresses of its failed logins (contract §6 lockout) are personal data too.
                .chain(() -> session.createNativeQuery("DELETE FROM login_failure WHERE user_id = :id")
                        .setParameter("id", user.id).executeUpdate())
                // Earlier snapshots of this user hold their name (kept a day once relayed). Unsent ones may go too:
                // the erasure event that follows supersedes every earlier event of the user.
                .chain(() -> session.createNativeQuery("DELETE FROM outbox_event WHERE ce_subject = :id"
                        + " AND topic = 'questmaster.user-events'")
                        .setParameter("id", user.id).executeUpdate()))
                .chain(() -> events.erased(user.id, actorId));
    }
}
