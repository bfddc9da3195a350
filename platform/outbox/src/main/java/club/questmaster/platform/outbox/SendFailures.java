package club.questmaster.platform.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which send failures no retry can cure. Pure, unit-tested. Everything else (timeouts, a broker away or restarting,
 * not enough replicas, even an authorization error an operator will fix) is retried with the whole batch.
 */
final class SendFailures {

    private static final Set<Class<? extends Throwable>> NEVER_SENDABLE = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, SerializationException.class);

    private SendFailures() {
    }

    /** @return the reason to park the row with, or null when the failure is worth a retry */
    static String neverSendable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : NEVER_SENDABLE) {
                if (type.isInstance(t)) {
                    return t.getClass().getSimpleName() + ": " + t.getMessage();
                }
            }
        }
        return null;
    }
}
