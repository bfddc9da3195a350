package club.questmaster.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void aRecordTooLargeOrInvalidIsNeverSendableAndParkedWithItsReason() {
        String reason = SendFailures.neverSendable(new ExecutionException(
                new RecordTooLargeException("The message is 2097272 bytes when serialized")));
        assertNotNull(reason);
        assertTrue(reason.startsWith("RecordTooLargeException: The message is 2097272 bytes"), reason);
        assertNotNull(SendFailures.neverSendable(new InvalidRecordException("compacted topic needs a key")));
    }

    @Test
    void aBrokerAwaySlowOrMisconfiguredIsRetriedNotParked() {
        assertNull(SendFailures.neverSendable(new TimeoutException("Expiring 3 record(s)")));
        assertNull(SendFailures.neverSendable(new NotEnoughReplicasException("2 < min.insync.replicas")));
        // An ACL an operator will fix: parking would set aside every event of the topic.
        assertNull(SendFailures.neverSendable(new TopicAuthorizationException("not authorized")));
        assertNull(SendFailures.neverSendable(new IllegalStateException("interrupted")));
    }
}
