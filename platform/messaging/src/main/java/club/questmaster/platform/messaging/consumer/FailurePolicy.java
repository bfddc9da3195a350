package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.PoisonRecordException;
import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Decides what a failed record deserves (docs/consumers.md, "Policy"): a retry, holding the partition's position, or the
 * dead-letter topic. Pure: no clock, no I/O, so every rule has a millisecond unit test.
 *
 * <ul>
 * <li>{@link PoisonRecordException} (unreadable, or refused by the consumer's own rules): poison.</li>
 * <li>SQLSTATE class 22 (data exception: a NUL byte, a value too long, a bad number): the value can never be stored
 * whatever the database's state, poison.</li>
 * <li>SQLSTATE 23505 on one of the consumer's idempotency keys: a concurrent delivery of the same event won the race;
 * retried, and the retry sees the event as already processed.</li>
 * <li>Any other SQLSTATE of class 23 (integrity constraint: check, not-null, foreign key, other unique): poison, but only
 * once it has persisted for the grace period. It depends on the database's state as much as on the record (an
 * operator's constraint, a referenced row not there yet), so a fault that is cleared within the grace period loses
 * nothing.</li>
 * <li>Everything else (connection refused or lost, pool or lock timeout, serialization failure, a restart, a broker
 * away): transient, retried for as long as it takes.</li>
 * </ul>
 */
public final class FailurePolicy {

    /** What to do with a failed record. */
    public enum Verdict { RETRY, DEAD_LETTER }

    /** A classified failure: the verdict and the reason that goes into the {@code dead-letter-reason} header. */
    public record Decision(Verdict verdict, String reason) {
        public boolean deadLetter() {
            return verdict == Verdict.DEAD_LETTER;
        }
    }

    private static final String DATA_EXCEPTION = "22";
    private static final String INTEGRITY_CONSTRAINT = "23";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Set<String> idempotencyKeys;
    private final Duration constraintViolationGrace;

    /**
     * @param idempotencyKeys          names of the unique constraints that make the consumer idempotent (for example
     *                                 {@code processed_event_pkey})
     * @param constraintViolationGrace how long a class-23 refusal is retried before the record is dead-lettered
     */
    public FailurePolicy(Set<String> idempotencyKeys, Duration constraintViolationGrace) {
        this.idempotencyKeys = Set.copyOf(idempotencyKeys);
        this.constraintViolationGrace = constraintViolationGrace;
    }

    /**
     * @param failure          what the attempt failed with
     * @param constraintFailing for how long this record's attempts have been refused by an integrity constraint
     *                          (zero at the first such refusal)
     */
    public Decision decide(Throwable failure, Duration constraintFailing) {
        PoisonRecordException poison = find(failure, PoisonRecordException.class);
        if (poison != null) {
            return new Decision(Verdict.DEAD_LETTER, poison.getMessage());
        }
        String sqlState = sqlState(failure);
        if (sqlState == null || sqlState.length() != 5) {
            return retry(failure);
        }
        if (sqlState.startsWith(DATA_EXCEPTION)) {
            return new Decision(Verdict.DEAD_LETTER, "refused by the database as invalid data (SQLSTATE " + sqlState
                    + "): " + message(failure));
        }
        if (sqlState.startsWith(INTEGRITY_CONSTRAINT)) {
            if (UNIQUE_VIOLATION.equals(sqlState) && idempotencyKeys.contains(constraint(failure))) {
                return retry(failure);
            }
            if (constraintFailing.compareTo(constraintViolationGrace) >= 0) {
                return new Decision(Verdict.DEAD_LETTER, "refused by the database constraint " + constraint(failure)
                        + " (SQLSTATE " + sqlState + ") for " + constraintViolationGrace + ": " + message(failure));
            }
            return retry(failure);
        }
        return retry(failure);
    }

    /** Whether a failure is a class-23 refusal that the grace period applies to. */
    public boolean isConstraintViolation(Throwable failure) {
        String sqlState = sqlState(failure);
        return sqlState != null && sqlState.startsWith(INTEGRITY_CONSTRAINT)
                && !(UNIQUE_VIOLATION.equals(sqlState) && idempotencyKeys.contains(constraint(failure)));
    }

    private static Decision retry(Throwable failure) {
        return new Decision(Verdict.RETRY, message(failure));
    }

    /** The SQLSTATE of the first database exception in the cause chain (reactive client or JDBC), or null. */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String constraint(Throwable failure) {
        PgException pg = find(failure, PgException.class);
        return pg == null ? null : pg.getConstraint();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost message: what actually went wrong, without the wrappers' restatements. */
    static String message(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof PgException)) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
