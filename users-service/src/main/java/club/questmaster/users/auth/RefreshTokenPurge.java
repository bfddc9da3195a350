package club.questmaster.users.auth;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes refresh tokens a day after they expired (by then no family can be replayed with them anyway), so the
 * table holds about a week of logins. Any replica may run it: the statement is idempotent.
 */
@ApplicationScoped
public class RefreshTokenPurge {

    private static final Logger LOG = Logger.getLogger(RefreshTokenPurge.class);

    private final Pool pool;

    public RefreshTokenPurge(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.query("DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'").execute()
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Purged %d expired refresh tokens", rows.rowCount());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Refresh token purge failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
