package club.questmaster.users.apitoken;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, Long> {

    /** The tokens not revoked, newest first (expired ones too: their owner sees that they expired). */
    public Uni<List<ApiToken>> unrevoked(String userId) {
        return list("userId = ?1 and revokedAt is null", Sort.descending("createdAt", "id"), userId);
    }

    public Uni<Long> countLive(String userId, OffsetDateTime now) {
        return count("userId = ?1 and revokedAt is null and expiresAt > ?2", userId, now);
    }

    public Uni<ApiToken> lockOf(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<ApiToken> byHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

}
