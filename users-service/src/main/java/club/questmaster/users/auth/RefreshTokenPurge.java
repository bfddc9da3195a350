package club.questmaster.users.auth;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes, a day after they ended, the rows nobody can use any more: expired sessions (with their refresh tokens:
 * by then no family can be replayed), expired or revoked API tokens (their JWTs lived 15 min at most, so their
 * revocation need not be remembered longer), and exports delivered or abandoned. The tables then hold about a week of
 * logins. Any replica may run it: the statements are idempotent.
 */
@ApplicationScoped
public class RefreshTokenPurge {

    private static final Logger LOG = Logger.getLogger(RefreshTokenPurge.class);

    private static final String[] STATEMENTS = {
        "DELETE FROM user_session WHERE expires_at < now() - interval '1 day'",
        "DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'",
        "DELETE FROM api_token WHERE coalesce(revoked_at, expires_at) < now() - interval '1 day'",
        "DELETE FROM privacy_export WHERE requested_at < now() - interval '1 day'",
    };

    private final Pool pool;

    public RefreshTokenPurge(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String statement : STATEMENTS) {
            chain = chain.chain(total -> pool.query(statement).execute().map(rows -> total + rows.rowCount()));
        }
        return chain.invoke(total -> {
                    if (total > 0) {
                        LOG.infof("Purged %d ended sessions, refresh tokens, API tokens and exports", total);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Purge failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
