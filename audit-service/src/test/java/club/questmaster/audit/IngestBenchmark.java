package club.questmaster.audit;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * How fast audit-service stores game events, and how soon an event is readable after its publication.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmarks -pl audit-service} (real PostgreSQL 18 and Kafka 4.2 of devstack,
 * in-process service in test mode). Prints the numbers; asserts only that every event was stored.
 *
 * <ol>
 * <li>Throughput: 50 000 events are published while the consumer channel is paused, then it is resumed; the time
 *     until the 50 000th row is readable gives the drain rate (Kafka fetch + read + one transaction per batch).</li>
 * <li>Latency: a steady 200 events/s for 30 s, each CloudEvent stamped with its publication time as ce_time and
 *     occurred_at (standing in for the games-service commit time: the outbox relay's own delay is not included);
 *     a poller reads new rows every 2 ms and records publication-to-readable delays (median, p99, max).</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(IngestBenchmark.PausedConsumer.class)
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class IngestBenchmark {

    private static final int BACKLOG = 50_000;
    private static final int RATE = 200;
    private static final int STEADY_SECONDS = 30;

    /** The consumer starts paused, so the backlog is published before it drains. */
    public static class PausedConsumer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.game-events.pausable", "true",
                    "mp.messaging.incoming.game-events.initially-paused", "true",
                    "quarkus.log.category.\"club.questmaster.audit\".level", "WARN");
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Inject
    ChannelRegistry channels;

    @Inject
    MeterRegistry meters;

    @Test
    void storageThroughputAndPublicationToReadableDelay() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            // 1. Throughput on a backlog.
            long before = rows();
            OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < BACKLOG; i++) {
                send(producer, UUID.randomUUID(), 1 + i % 500, t0.plusNanos(i * 1000L), "Événement " + i + ".");
            }
            producer.flush();
            long start = System.nanoTime();
            // one pausable channel per consumer (concurrency): game-events$1, game-events$2, ...
            channels.getIncomingNames().stream().filter(name -> name.startsWith("game-events"))
                    .map(channels::getPausable).filter(java.util.Objects::nonNull)
                    .forEach(io.smallrye.reactive.messaging.PausableChannel::resume);
            while (rows() < before + BACKLOG) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nBENCHMARK audit-service throughput: %d events stored in %.2f s = %.0f events/s "
                    + "(batches of up to 500, one transaction each)%n", BACKLOG, seconds, BACKLOG / seconds);
            printBatches("backlog");

            // 2. Delay at a steady 200 events/s.
            Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();
            List<Long> delaysMicros = Collections.synchronizedList(new ArrayList<>());
            long lastId = maxId();
            Thread poller = new Thread(() -> poll(lastId, publishedAt, delaysMicros), "benchmark-poller");
            poller.start();
            int total = RATE * STEADY_SECONDS;
            long startSteady = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = startSteady + i * (1_000_000_000L / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                UUID id = UUID.randomUUID();
                publishedAt.put(id, System.nanoTime());
                send(producer, id, 1_000 + i % 50, OffsetDateTime.now(ZoneOffset.UTC), "Régime " + i + ".");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (delaysMicros.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            poller.interrupt();
            poller.join();
            List<Long> sorted = new ArrayList<>(delaysMicros);
            Collections.sort(sorted);
            if (sorted.size() != total) {
                throw new AssertionError("only " + sorted.size() + " of " + total + " steady events became readable");
            }
            System.out.printf("BENCHMARK audit-service publication-to-readable delay at %d events/s for %d s "
                    + "(%d events): median %.1f ms, p99 %.1f ms, max %.1f ms%n%n", RATE, STEADY_SECONDS, total,
                    sorted.get(total / 2) / 1000.0, sorted.get((int) Math.ceil(total * 0.99) - 1) / 1000.0,
                    sorted.get(total - 1) / 1000.0);
            printBatches("backlog + steady");
        }
    }

    /** Where the time goes: the consumer's own batch metrics (cumulative). */
    private void printBatches(String phase) {
        Timer write = meters.find("questmaster.audit.batch.write").timer();
        DistributionSummary size = meters.find("questmaster.audit.batch.size").summary();
        System.out.printf("BENCHMARK audit-service batches (%s): %d batches, mean %.0f records, mean write %.1f ms, "
                + "max write %.1f ms%n", phase, write.count(), size.mean(), write.mean(TimeUnit.MILLISECONDS),
                write.max(TimeUnit.MILLISECONDS));
    }

    private void poll(long fromId, Map<UUID, Long> publishedAt, List<Long> delaysMicros) {
        long last = fromId;
        while (!Thread.currentThread().isInterrupted()) {
            for (Row row : pool.preparedQuery("SELECT id, event_id FROM game_event WHERE id > $1 ORDER BY id")
                    .execute(Tuple.of(last)).await().indefinitely()) {
                long seen = System.nanoTime();
                last = Math.max(last, row.getLong("id"));
                Long sent = publishedAt.get(row.getUUID("event_id"));
                if (sent != null) {
                    delaysMicros.add((seen - sent) / 1000);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(KafkaProducer<String, String> producer, UUID id, long gameId, OffsetDateTime at,
            String description) throws Exception {
        String gm = Long.toString(100_000_000_000_000_000L + gameId);
        GameEventData data = GameEvents.event(id, gameId, "bench-" + gameId, gm, GameEventData.Actions.EDIT, gm,
                description, at);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.GAME_EVENTS, Long.toString(gameId),
                json.writeValueAsString(data));
        header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        header(record, CloudEvents.ID, id.toString());
        header(record, CloudEvents.SOURCE, CloudEvents.GAMES_SOURCE);
        header(record, CloudEvents.TYPE, GameEventData.Types.UPDATED);
        header(record, CloudEvents.TIME, at.toString());
        header(record, CloudEvents.SUBJECT, Long.toString(gameId));
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** acks=all, idempotent, no linger: as the outbox relay publishes. */
    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaProbe.bootstrap());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private long rows() {
        return pool.query("SELECT count(*) FROM game_event").execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    private long maxId() {
        return pool.query("SELECT coalesce(max(id), 0) FROM game_event").execute().await().indefinitely().iterator()
                .next().getLong(0);
    }
}
