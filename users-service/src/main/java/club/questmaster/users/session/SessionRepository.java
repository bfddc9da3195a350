package club.questmaster.users.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Queries on {@code user_session}; revoking a session also revokes the refresh tokens of its family. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<UserSession, UUID> {

    public Uni<List<UserSession>> live(String userId, OffsetDateTime now) {
        return list("userId = ?1 and revokedAt is null and expiresAt > ?2", Sort.descending("lastUsedAt", "id"),
                userId, now);
    }

    public Uni<UserSession> lockOf(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Revokes the session and its refresh tokens; returns whether it was live. */
    public Uni<Boolean> revoke(UUID id, OffsetDateTime now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, id)
                .call(n -> getSession().chain(s -> s.createMutationQuery(
                        "update RefreshToken set revokedAt = ?1 where familyId = ?2 and revokedAt is null")
                        .setParameter(1, now).setParameter(2, id).executeUpdate()))
                .map(n -> n > 0);
    }

    /**
     * Ends every live session of the user for a ban: they expire now and their refresh tokens are revoked, but their
     * sid is not revoked. The ban itself refuses their access tokens, in users-service as in every other service
     * (403 ACCOUNT_BANNED, not a revoked session's 401), and only as long as it lasts.
     */
    public Uni<Integer> endAllOf(String userId, OffsetDateTime now) {
        return update("expiresAt = ?1 where userId = ?2 and revokedAt is null and expiresAt > ?1", now, userId)
                .call(n -> getSession().chain(s -> s.createMutationQuery(
                        "update RefreshToken set revokedAt = ?1 where userId = ?2 and revokedAt is null")
                        .setParameter(1, now).setParameter(2, userId).executeUpdate()));
    }

    /** Revokes every live session of the user (and their refresh tokens); returns the ids that were live. */
    public Uni<List<UUID>> revokeAllOf(String userId, OffsetDateTime now) {
        return live(userId, now).call(sessions -> update("revokedAt = ?1 where userId = ?2 and revokedAt is null",
                now, userId))
                .call(sessions -> getSession().chain(s -> s.createMutationQuery(
                        "update RefreshToken set revokedAt = ?1 where userId = ?2 and revokedAt is null")
                        .setParameter(1, now).setParameter(2, userId).executeUpdate()))
                .map(sessions -> sessions.stream().map(session -> session.id).toList());
    }
}
