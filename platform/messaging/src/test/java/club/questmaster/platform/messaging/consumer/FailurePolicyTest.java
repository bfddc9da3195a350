package club.questmaster.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.consumer.FailurePolicy.Verdict;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private static final Duration GRACE = Duration.ofMinutes(10);
    private final FailurePolicy policy = new FailurePolicy(Set.of("processed_event_pkey"), GRACE);

    private static PgException pg(String sqlState, String constraint) {
        return new PgException("refused", "ERROR", sqlState, null, null, null, null, null, null, null, null, null,
                null, null, null, null, constraint);
    }

    /** What Hibernate Reactive and our own code put around the driver's exception. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("could not execute statement", new RuntimeException(cause));
    }

    private Verdict verdict(Throwable failure) {
        return policy.decide(failure, Duration.ZERO).verdict();
    }

    @Test
    void anUnreadableRecordIsPoisonWithItsReason() {
        FailurePolicy.Decision decision = policy.decide(new PoisonRecordException("missing header ce_id"),
                Duration.ZERO);
        assertEquals(Verdict.DEAD_LETTER, decision.verdict());
        assertEquals("missing header ce_id", decision.reason());
    }

    @Test
    void aDataExceptionIsPoisonAtOnceWhereverItIsInTheCauseChain() {
        // 22021: a NUL byte in a text value, which PostgreSQL can never store.
        FailurePolicy.Decision decision = policy.decide(wrapped(pg("22021", null)), Duration.ZERO);
        assertEquals(Verdict.DEAD_LETTER, decision.verdict());
        assertTrue(decision.reason().contains("22021"), decision.reason());
        assertEquals(Verdict.DEAD_LETTER, verdict(pg("22001", null)));
        assertEquals(Verdict.DEAD_LETTER, verdict(new SQLException("value too long", "22001")));
    }

    @Test
    void aUniqueViolationOfTheIdempotencyKeyIsRetriedNotDeadLettered() {
        assertEquals(Verdict.RETRY, policy.decide(pg("23505", "processed_event_pkey"), GRACE.multipliedBy(2))
                .verdict());
        assertTrue(!policy.isConstraintViolation(pg("23505", "processed_event_pkey")));
    }

    @Test
    void aConstraintViolationIsRetriedDuringTheGracePeriodThenPoison() {
        PgException check = pg("23514", "f");
        assertTrue(policy.isConstraintViolation(check));
        assertEquals(Verdict.RETRY, policy.decide(check, Duration.ZERO).verdict());
        assertEquals(Verdict.RETRY, policy.decide(check, GRACE.minusSeconds(1)).verdict());
        FailurePolicy.Decision late = policy.decide(check, GRACE);
        assertEquals(Verdict.DEAD_LETTER, late.verdict());
        assertTrue(late.reason().contains("constraint f"), late.reason());
        assertEquals(Verdict.DEAD_LETTER, policy.decide(pg("23505", "some_other_key"), GRACE).verdict());
    }

    @Test
    void connectionLossTimeoutsAndSerializationFailuresAreTransientForever() {
        Duration forever = Duration.ofDays(365);
        assertEquals(Verdict.RETRY, policy.decide(new ConnectException("Connection refused"), forever).verdict());
        assertEquals(Verdict.RETRY, policy.decide(new VertxException("Connection is not active now", true),
                forever).verdict());
        assertEquals(Verdict.RETRY, policy.decide(wrapped(new TimeoutException("pool")), forever).verdict());
        assertEquals(Verdict.RETRY, policy.decide(pg("40001", null), forever).verdict()); // serialization failure
        assertEquals(Verdict.RETRY, policy.decide(pg("55P03", null), forever).verdict()); // lock not available
        assertEquals(Verdict.RETRY, policy.decide(pg("57P01", null), forever).verdict()); // admin shutdown
        assertEquals(Verdict.RETRY, policy.decide(pg("53300", null), forever).verdict()); // too many connections
        assertEquals(Verdict.RETRY, policy.decide(new SQLException("gone", "08006"), forever).verdict());
    }
}
