package club.questmaster.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The relay's batch send, on a producer that fails chosen records the way KafkaProducer does (a completed failed
 * future from {@code send}). The broker itself is exercised by BrokerOutageTest and e2e FaultsIT; what is pinned here
 * is which records a batch hands to the producer, which no timing of a real outage reproduces on demand.
 */
class OutboxRelaySendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aRowFailedAtOnceForARetriableReasonEndsTheBatchBeforeAnyLaterRowIsSent() {
        // A new producer on a frozen broker: the first send waits max.block.ms for metadata and fails; the broker
        // thaws while the second waits, which then succeeds. Row 1 must not follow rows 2.. onto the topic.
        List<OutboxRelay.Row> rows = rows("game-a", "game-b", "game-a", "game-b");
        FailingProducer producer = new FailingProducer(
                record -> position(record) == 0 ? new TimeoutException("Topic not present in metadata after 10000 ms")
                        : null);

        assertThrows(OutboxRelay.NotAcknowledged.class, () -> OutboxRelay.send(producer, rows, TIMEOUT));

        assertEquals(List.of(), producer.history().stream().map(ProducerRecord::key).toList(),
                "no row after the failed one reached the producer");
    }

    @Test
    void aRowNeverSendableIsParkedAndOnlyItsOwnKeyWaitsBehindIt() {
        List<OutboxRelay.Row> rows = rows("game-a", "game-b", "game-a", "game-b");
        FailingProducer producer = new FailingProducer(
                record -> position(record) == 0 ? new RecordTooLargeException("The message is 2097272 bytes") : null);

        OutboxRelay.Sent sent = OutboxRelay.send(producer, rows, TIMEOUT);

        assertEquals(List.of(rows.get(1), rows.get(3)), sent.acknowledged());
        assertEquals(List.of(rows.get(0)), sent.parked().stream().map(OutboxRelay.Parked::row).toList());
        assertEquals(List.of("game-b", "game-b"), producer.history().stream().map(ProducerRecord::key).toList());
    }

    @Test
    void aBatchTheBrokerAcknowledgesIsSentWholeInIdOrder() {
        List<OutboxRelay.Row> rows = rows("game-a", "game-b", "game-a");
        FailingProducer producer = new FailingProducer(record -> null);

        OutboxRelay.Sent sent = OutboxRelay.send(producer, rows, TIMEOUT);

        assertEquals(rows, sent.acknowledged());
        assertEquals(List.of("game-a", "game-b", "game-a"),
                producer.history().stream().map(ProducerRecord::key).toList());
    }

    /** The position of a record in its batch, carried in the payload by {@link #rows}. */
    private static int position(ProducerRecord<String, byte[]> record) {
        return Integer.parseInt(new String(record.value()));
    }

    private static List<OutboxRelay.Row> rows(String... keys) {
        OffsetDateTime now = OffsetDateTime.now();
        return IntStream.range(0, keys.length).mapToObj(i -> new OutboxRelay.Row(i + 1L, UUID.randomUUID(),
                "questmaster.game-events", keys[i], "questmaster.game.updated", "/games-service", keys[i], now,
                Integer.toString(i), now)).toList();
    }

    /** Acknowledges every record at once, except those {@code failure} names an error for. */
    private static final class FailingProducer extends MockProducer<String, byte[]> {
        private final Function<ProducerRecord<String, byte[]>, RuntimeException> failure;

        FailingProducer(Function<ProducerRecord<String, byte[]>, RuntimeException> failure) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failure = failure;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            RuntimeException error = failure.apply(record);
            if (error != null) {
                CompletableFuture<RecordMetadata> failed = new CompletableFuture<>();
                failed.completeExceptionally(error);
                return failed;
            }
            return super.send(record);
        }
    }
}
