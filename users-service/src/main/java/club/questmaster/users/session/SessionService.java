package club.questmaster.users.session;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.users.user.AccountRules;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserAuthority;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserIds;
import club.questmaster.users.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Active sessions (api.md §8): the owner lists and revokes theirs; admins those of users they manage (role
 * hierarchy). Revoking a session kills its refresh tokens and publishes {@code questmaster.user.session.revoked}, on
 * which every service refuses the session's access tokens (claim {@code sid}).
 */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final UserAuthority authority;
    private final UserEventPublisher events;

    public SessionService(SessionRepository sessions, UserRepository users, UserAuthority authority,
            UserEventPublisher events) {
        this.sessions = sessions;
        this.users = users;
        this.authority = authority;
        this.events = events;
    }

    @WithSession
    public Uni<List<SessionView>> mine(Caller caller) {
        return authority.resolve(caller).chain(actor -> list(actor.id(), actor.sessionId()));
    }

    @WithTransaction
    public Uni<Void> revokeMine(Caller caller, String sessionId) {
        return authority.resolve(caller).chain(actor -> revoke(actor, actor.id(), sessionId));
    }

    @WithSession
    public Uni<List<SessionView>> ofUser(Caller caller, String userId) {
        return authority.resolveAdmin(caller).chain(actor -> managedTarget(actor, userId, false))
                .chain(target -> list(target.id, caller.sessionId()));
    }

    @WithTransaction
    public Uni<Void> revokeOfUser(Caller caller, String userId, String sessionId) {
        return authority.resolveAdmin(caller).chain(actor -> managedTarget(actor, userId, true)
                .chain(target -> revoke(actor, target.id, sessionId)));
    }

    /** Revokes every live session of a user and publishes one session.revoked each; inside the caller's transaction. */
    public Uni<Void> revokeAll(User user, String actorId, OffsetDateTime now) {
        return sessions.revokeAllOf(user.id, now).chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                chain = chain.chain(() -> events.sessionRevoked(user, id.toString(), actorId));
            }
            return chain;
        });
    }

    /** Revokes one session (a logout, a reused refresh token); inside the caller's transaction. */
    public Uni<Void> revokeOne(String userId, UUID sessionId, String actorId, OffsetDateTime now) {
        return sessions.revoke(sessionId, now).chain(wasLive -> !wasLive ? Uni.createFrom().voidItem()
                : users.findById(userId).chain(user -> events.sessionRevoked(user, sessionId.toString(), actorId)));
    }

    private Uni<List<SessionView>> list(String userId, String currentSid) {
        return sessions.live(userId, now())
                .map(rows -> rows.stream().map(s -> SessionView.of(s, currentSid)).toList());
    }

    private Uni<Void> revoke(Caller actor, String userId, String sessionId) {
        UUID id = parse(sessionId);
        OffsetDateTime now = now();
        return sessions.lockOf(userId, id).chain(session -> {
            if (session == null || !session.liveAt(now)) {
                throw ApiException.notFound("No such session.");
            }
            return revokeOne(userId, id, actor.id(), now);
        });
    }

    private Uni<User> managedTarget(Caller actor, String userId, boolean lock) {
        if (!UserIds.valid(userId)) {
            return Uni.createFrom().failure(ApiException.notFound("No such user."));
        }
        return (lock ? users.lockLive(userId) : users.findLive(userId)).map(target -> {
            if (target == null) {
                throw ApiException.notFound("No such user.");
            }
            AccountRules.checkManages(actor, target);
            return target;
        });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such session.");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
