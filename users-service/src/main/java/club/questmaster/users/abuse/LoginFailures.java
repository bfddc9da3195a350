package club.questmaster.users.abuse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Failed logins per account and client address (table {@code login_failure}). Reads and writes run on the caller's
 * Hibernate Reactive session, so within LoginService's transaction, on its one connection.
 */
@ApplicationScoped
public class LoginFailures {

    private static final Logger LOG = Logger.getLogger(LoginFailures.class);

    /** No account has this id (ids are 17 to 21 digits): the row an unknown username's lookups find absent. */
    public static final String NOBODY = "0";

    private final Pool pool;

    public LoginFailures(Pool pool) {
        this.pool = pool;
    }

    /** Until when this account is locked for this address, or null. */
    public Uni<OffsetDateTime> lockedUntil(String userId, String client) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT locked_until FROM login_failure WHERE user_id = :u AND client_address = :c",
                        OffsetDateTime.class)
                .setParameter("u", userId).setParameter("c", client).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * Counts one more failure; the {@code maxFailures}-th in a row locks the account for this address until
     * {@code now + lock} and starts the count again. Callers hold the account's row lock, so concurrent failures
     * all count.
     */
    public Uni<Void> failed(String userId, String client, int maxFailures, Duration lock, OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        INSERT INTO login_failure AS f (user_id, client_address, failures, locked_until, updated_at)
                        VALUES (:u, :c, CASE WHEN :max <= 1 THEN 0 ELSE 1 END,
                                CASE WHEN :max <= 1 THEN CAST(:until AS timestamptz) END, :now)
                        ON CONFLICT (user_id, client_address) DO UPDATE SET
                            failures = CASE WHEN f.failures + 1 >= :max THEN 0 ELSE f.failures + 1 END,
                            locked_until = CASE WHEN f.failures + 1 >= :max THEN CAST(:until AS timestamptz)
                                                ELSE f.locked_until END,
                            updated_at = :now""")
                .setParameter("u", userId).setParameter("c", client).setParameter("max", maxFailures)
                .setParameter("until", now.plus(lock)).setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * What {@link #failed} costs, for an unknown username (no account row to count against): one write statement that
     * matches no row, so that a wrong username and a wrong password take the same time.
     */
    public Uni<Void> failedNobody(String client) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE login_failure SET failures = failures + 1 WHERE user_id = :u AND client_address = :c")
                .setParameter("u", NOBODY).setParameter("c", client).executeUpdate()).replaceWithVoid();
    }

    /** A success from this address forgets its failures (other addresses keep theirs). */
    public Uni<Void> succeeded(String userId, String client) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "DELETE FROM login_failure WHERE user_id = :u AND client_address = :c")
                .setParameter("u", userId).setParameter("c", client).executeUpdate()).replaceWithVoid();
    }

    /** Rows with no running lock and no failure for a day carry nothing: purged hourly (any replica may run it). */
    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.query("DELETE FROM login_failure WHERE updated_at < now() - interval '1 day'"
                        + " AND (locked_until IS NULL OR locked_until < now())").execute()
                .onFailure().invoke(e -> LOG.warnf("Login failure purge failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
