package club.questmaster.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.PoisonRecordException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The recipe's decisions, without a broker or a database: effects and the dead-letter producer are stand-ins. */
class ContractConsumerTest {

    private static final String TOPIC = "questmaster.game-events";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> deadLettered = new ArrayList<>();
    private final AtomicInteger deadLetterFailures = new AtomicInteger();
    private final DeadLetters deadLetters = new DeadLetters(null) {
        @Override
        public Uni<Void> send(ConsumerRecord<String, byte[]> source, String reason) {
            return Uni.createFrom().deferred(() -> {
                if (deadLetterFailures.getAndDecrement() > 0) {
                    return Uni.createFrom().failure(new org.apache.kafka.common.errors.TimeoutException("broker away"));
                }
                deadLettered.add(new String(source.value(), StandardCharsets.UTF_8) + " <- " + reason);
                return Uni.createFrom().voidItem();
            });
        }
    };
    private final ConsumerConfig config = new ConsumerConfig() {
        public Duration firstBackoff() {
            return Duration.ofMillis(1);
        }

        public Duration maxBackoff() {
            return Duration.ofMillis(5);
        }

        public Duration constraintViolationGrace() {
            return Duration.ofMillis(200);
        }

        public Duration lagInterval() {
            return Duration.ofSeconds(10);
        }
    };

    /** Reads the value as text; "unreadable" is poison. */
    private final ContractConsumer<String> recipe = new ContractConsumer<>("test", record -> {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("unreadable")) {
            throw new PoisonRecordException("not JSON");
        }
        return value;
    }, new FailurePolicy(Set.of("processed_event_pkey"), config.constraintViolationGrace()), deadLetters,
            new ConsumerMetrics(registry, "test"), config);

    private static ConsumerRecord<String, byte[]> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "42", value.getBytes(StandardCharsets.UTF_8));
    }

    private static PgException pg(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, null, null, null, null, null, null, null, null, null,
                null, null, null, null, "some_constraint");
    }

    private double counter(String name) {
        return registry.get(name).tag("consumer", "test").counter().count();
    }

    @Test
    void aTransientFailureIsRetriedUntilTheEffectCommitsAndNothingIsDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();
        recipe.consume(record(1, "ban"), value -> attempts.incrementAndGet() <= 30
                ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                : Uni.createFrom().voidItem()).await().atMost(WAIT);
        assertEquals(31, attempts.get());
        assertEquals(30, counter("questmaster.consumer.retried"));
        assertEquals(1, counter("questmaster.consumer.processed"));
        assertEquals(List.of(), deadLettered);
    }

    @Test
    void anUnreadableRecordOrADataExceptionIsDeadLetteredAloneWithItsReason() {
        recipe.consume(record(1, "unreadable"), value -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        recipe.consume(record(2, "nul"), value -> Uni.createFrom().failure(pg("22021"))).await().atMost(WAIT);
        assertEquals(2, deadLettered.size());
        assertEquals("unreadable <- not JSON", deadLettered.get(0));
        assertTrue(deadLettered.get(1).startsWith("nul <- refused by the database as invalid data (SQLSTATE 22021)"),
                deadLettered.get(1));
        assertEquals(2, counter("questmaster.consumer.dead.lettered"));
        assertEquals(0, counter("questmaster.consumer.processed"));
    }

    @Test
    void aConstraintViolationIsRetriedUntilTheGracePeriodEndsUnlessItClearsFirst() {
        AtomicInteger attempts = new AtomicInteger();
        recipe.consume(record(1, "cleared"), value -> attempts.incrementAndGet() <= 5
                ? Uni.createFrom().failure(pg("23514")) : Uni.createFrom().voidItem()).await().atMost(WAIT);
        assertEquals(List.of(), deadLettered);
        recipe.consume(record(2, "stays"), value -> Uni.createFrom().failure(pg("23514"))).await().atMost(WAIT);
        assertEquals(1, deadLettered.size());
        assertTrue(deadLettered.get(0).contains("constraint some_constraint"), deadLettered.get(0));
    }

    @Test
    void aDeadLetterTheBrokerDoesNotAcknowledgeIsSentAgainNeverDropped() {
        deadLetterFailures.set(5);
        recipe.consume(record(1, "unreadable"), value -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        assertEquals(List.of("unreadable <- not JSON"), deadLettered);
    }

    @Test
    void aBatchRefusedAsInvalidDataIsAppliedOneRecordAtATimeAndOnlyTheBadOneIsDeadLettered() {
        List<String> stored = new ArrayList<>();
        AtomicInteger batchAttempts = new AtomicInteger();
        List<ConsumerRecord<String, byte[]>> records = List.of(record(1, "a"), record(2, "unreadable"),
                record(3, "b"), record(4, "nul"), record(5, "c"));
        ConsumerRecords<String, byte[]> batch = new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records),
                Map.of());
        recipe.consumeBatch(batch, values -> {
            // the database away once, then the batch refused because of "nul"
            return batchAttempts.incrementAndGet() == 1
                    ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                    : Uni.createFrom().failure(pg("22021"));
        }, value -> {
            if (value.equals("nul")) {
                return Uni.createFrom().failure(pg("22021"));
            }
            stored.add(value);
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);
        assertEquals(2, batchAttempts.get());
        assertEquals(List.of("a", "b", "c"), stored);
        assertEquals(2, deadLettered.size());
        assertTrue(deadLettered.get(0).startsWith("nul <- "), deadLettered.toString());
        assertTrue(deadLettered.get(1).startsWith("unreadable <- "), deadLettered.toString());
        assertEquals(3, counter("questmaster.consumer.processed"));
    }
}
