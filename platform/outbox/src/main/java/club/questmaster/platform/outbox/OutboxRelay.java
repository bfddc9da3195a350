package club.questmaster.platform.outbox;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.KafkaClients;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Publishes committed outbox rows to Kafka, in id order, and marks them sent.
 *
 * <p>Runs on its own thread with JDBC (it blocks on the broker by design and must never hold an event-loop thread).
 * It waits on {@code LISTEN questmaster_outbox}, which the outbox trigger notifies at commit time, so an event
 * leaves within milliseconds of its commit; a poll every {@code poll-interval} covers lost notifications.
 *
 * <p>Order: each batch runs in one transaction holding a transaction-level advisory lock, so across all replicas one
 * batch at a time is in flight, and a batch is only marked sent once Kafka acknowledged every record ({@code
 * acks=all}, idempotent producer). A failed batch is retried whole: consumers may see a record twice (they
 * deduplicate on {@code ce_id}) but never out of order, and nothing committed is ever skipped.
 *
 * <p>A row the broker can never accept (larger than the producer's {@code max.request.size}, refused as invalid) is
 * <em>parked</em> with the reason ({@code parked_at}, {@code park_reason}), logged at ERROR and counted
 * ({@code questmaster_outbox_parked}), instead of blocking every game behind it forever. The later rows of the same
 * key wait behind it (they are not selected while it is parked), so one game's order is never broken, and the other
 * games' events go on. Too large is detected by the producer before anything is sent, so no later row of that game can
 * have been sent ahead of it.
 *
 * <p>The backlog is measured on the listening connection at a wake-up, at most once a second: {@code
 * questmaster_outbox_pending} (unsent rows, parked ones included) and {@code questmaster_outbox_oldest_age_seconds}
 * (age of the oldest unsent row). They grow during a broker outage, which readiness deliberately ignores: writes keep
 * going to the outbox.
 *
 * <p>Latency (issue 16 P3): an event's way out is its commit's notification, then one batch (lock, select, send and
 * wait for the acknowledgements, mark sent, commit); the backlog query no longer runs before every batch. The records
 * of a batch leave in one produce request ({@code linger.ms} covers the loop that hands them to the producer), where
 * with no linger the first record left alone and the broker, which handles one request of a connection at a time,
 * answered the rest request after request.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "qm-outbox". */
    private static final long LOCK_KEY = 0x716d2d6f7574626fL;
    private static final String CHANNEL = "questmaster_outbox";
    private static final long MEASURE_EVERY_MILLIS = 1_000;

    /**
     * The oldest unsent rows, in id order, except those held behind a parked row of the same key (its order comes
     * first). The parked keys are gathered once per statement ({@code MATERIALIZED}: normally none), then each row is
     * checked against that small set. A correlated {@code NOT EXISTS} on the table itself was planned as a nested loop
     * over every unsent row for each row returned: O(batch x backlog), 0.9 s per batch of 500 with 5 000 rows waiting,
     * so the relay fell further behind the longer it was behind (issue 16 P3). Public for the plan test
     * (games-service OutboxRelayPlanTest).
     */
    public static final String UNSENT = """
            WITH parked AS MATERIALIZED (
                SELECT topic, record_key, min(id) AS first_id FROM outbox_event
                 WHERE parked_at IS NOT NULL AND sent_at IS NULL GROUP BY topic, record_key)
            SELECT id, event_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload, created_at
              FROM outbox_event o
             WHERE sent_at IS NULL AND parked_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM parked p
                                WHERE p.topic = o.topic AND p.record_key = o.record_key AND p.first_id < o.id)
             ORDER BY id LIMIT ?""";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestCreatedAtMillis = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter parkedRecords;
    private Timer delay;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, KafkaClients kafka, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        published = Counter.builder("questmaster.outbox.published").description("Outbox events acknowledged by Kafka")
                .register(registry);
        delay = Timer.builder("questmaster.outbox.delay").description("From commit to Kafka acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        parkedRecords = Counter.builder("questmaster.outbox.parked.records")
                .description("Outbox rows parked because the broker can never accept them").register(registry);
        Gauge.builder("questmaster.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka (parked ones included)").register(registry);
        Gauge.builder("questmaster.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked, waiting for an operator (docs/consumers.md)").register(registry);
        Gauge.builder("questmaster.outbox.oldest.age", oldestCreatedAtMillis, OutboxRelay::ageSeconds)
                .baseUnit("seconds").description("Age of the oldest outbox row not yet acknowledged by Kafka")
                .register(registry);
        producer = kafka.producer("outbox", producerSettings());
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * This producer's own settings; the broker, TLS and SASL come from the service's {@code kafka.*} (KafkaClients).
     *
     * <p>The producer must never give up on a record by itself: an idempotent producer that expires a batch bumps its
     * epoch and sends the batches queued behind it under new sequence numbers, so with the broker frozen a game's
     * later events sat in the socket ahead of any copy of the expired one and were appended first once it thawed
     * (FaultsIT saw a registration after 15 later updates of its game). Its delivery timeout is therefore well past
     * the relay's own wait ({@code send-timeout}), which always ends first and closes the producer
     * ({@link #replaceProducer}); every request it had written is then a prefix, in id order, of the unsent rows.
     */
    private Map<String, Object> producerSettings() {
        int timeout = (int) config.sendTimeout().toMillis();
        return Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                // long enough for the loop of send() calls to hand over a whole batch, so that it leaves in one
                // request; 256 KiB holds a partition's share of a batch of 500 typical events
                ProducerConfig.LINGER_MS_CONFIG, "2",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(1000, timeout / 2)),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(timeout * 4),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeout));
    }

    private static double ageSeconds(AtomicLong createdAtMillis) {
        long created = createdAtMillis.get();
        return created == 0 ? 0 : Math.max(0, System.currentTimeMillis() - created) / 1000.0;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                long lastCleanup = 0;
                long lastMeasure = 0;
                while (running) {
                    if (System.currentTimeMillis() - lastMeasure >= MEASURE_EVERY_MILLIS) {
                        measureBacklog(listener);
                        lastMeasure = System.currentTimeMillis();
                    }
                    drain();
                    backoff = Duration.ofMillis(200);
                    if (System.currentTimeMillis() - lastCleanup > 60_000) {
                        cleanup();
                        lastCleanup = System.currentTimeMillis();
                    }
                    PGNotification[] notifications = pg.getNotifications((int) config.pollInterval().toMillis());
                    if (notifications == null && listener.isClosed()) {
                        break;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay: %s; retrying in %d ms", rootMessage(e), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes batches until nothing is pending (or another replica holds the lock). */
    private void drain() throws SQLException {
        while (running && relayBatch() == config.batchSize()) {
            // a full batch: there may be more
        }
    }

    /** @return rows published, or -1 when another replica is relaying */
    int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            c.rollback();
                            return -1;
                        }
                    }
                }
                List<Row> rows = unsent(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                Sent sent;
                try {
                    sent = send(producer, rows, config.sendTimeout());
                } catch (NotAcknowledged e) {
                    replaceProducer();
                    throw e;
                }
                park(c, sent.parked());
                if (!sent.acknowledged().isEmpty()) {
                    try (PreparedStatement mark = c.prepareStatement(
                            "UPDATE outbox_event SET sent_at = clock_timestamp() WHERE id = ANY (?)")) {
                        Array ids = c.createArrayOf("bigint", sent.acknowledged().stream().map(Row::id).toArray());
                        mark.setArray(1, ids);
                        mark.executeUpdate();
                    }
                }
                c.commit();
                OffsetDateTime now = OffsetDateTime.now();
                for (Row row : sent.acknowledged()) {
                    delay.record(Duration.between(row.createdAt(), now));
                }
                published.increment(sent.acknowledged().size());
                for (Parked p : sent.parked()) {
                    parkedRecords.increment();
                    LOG.errorf("OUTBOX ROW PARKED: event %s (%s, key %s, outbox id %d) can never be sent: %s. Later"
                            + " events of key %s wait behind it; the other keys go on. Fix the cause, then"
                            + " UPDATE outbox_event SET parked_at = NULL WHERE id = %d to retry it (or delete the row"
                            + " to give it up).", p.row().eventId(), p.row().type(), p.row().key(), p.row().id(),
                            p.reason(), p.row().key(), p.row().id());
                }
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Row> unsent(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(UNSENT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                            rs.getString(9), rs.getObject(10, OffsetDateTime.class)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows, in id order, on {@code producer} and waits up to {@code timeout} for Kafka's acknowledgements.
     * A row the producer refuses at once as never sendable is parked, and the later rows of its key are not even sent
     * (they stay unsent, behind it). Any other failure fails the whole batch, which is retried.
     *
     * <p>A row the producer fails at once for a reason a retry can cure (a {@code TimeoutException} when it waited
     * {@code max.block.ms} for the topic's metadata, as a new producer does while the broker is frozen) ends the batch
     * there: no later row is handed to the producer. Sending them anyway put a game's later events on the topic ahead
     * of the failed one when the broker came back during the next send (FaultsIT saw a registration after 11 later
     * updates of its game), and made a batch of n rows wait n times {@code max.block.ms} on a frozen broker.
     *
     * @throws NotAcknowledged when not every row sent was acknowledged or parked; the producer must then be closed at
     *     once ({@link #replaceProducer}), so that none of this attempt's records is delivered behind its retry
     */
    static Sent send(Producer<String, byte[]> producer, List<Row> rows, Duration timeout) {
        List<Row> inFlight = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Parked> parkedRows = new ArrayList<>();
        Set<String> blockedKeys = new HashSet<>();
        for (Row row : rows) {
            String key = row.topic() + "/" + row.key();
            if (blockedKeys.contains(key)) {
                continue;
            }
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record(row));
            } catch (KafkaException e) {
                ack = failed(e);
            }
            Throwable failedAtOnce = ack.isDone() ? failure(ack) : null;
            if (failedAtOnce != null) {
                String reason = SendFailures.neverSendable(failedAtOnce);
                if (reason == null) {
                    throw new NotAcknowledged("Kafka did not take the batch: " + rootMessage(failedAtOnce),
                            failedAtOnce);
                }
                parkedRows.add(new Parked(row, reason));
                blockedKeys.add(key);
                continue;
            }
            inFlight.add(row);
            acks.add(ack);
        }
        List<Row> acknowledged = new ArrayList<>(inFlight.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            Row row = inFlight.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(row);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotAcknowledged("interrupted while waiting for Kafka", e);
            } catch (ExecutionException e) {
                // Refused by the broker itself (rare: the producer checks the size first). Rows of this key sent
                // after it may already be acknowledged; nothing can unsend them.
                String reason = SendFailures.neverSendable(e.getCause());
                if (reason == null) {
                    throw new NotAcknowledged("Kafka did not acknowledge the batch: " + rootMessage(e), e);
                }
                parkedRows.add(new Parked(row, reason));
            } catch (Exception e) {
                throw new NotAcknowledged("Kafka did not acknowledge the batch: " + rootMessage(e), e);
            }
        }
        return new Sent(acknowledged, parkedRows);
    }

    /**
     * After a batch Kafka did not acknowledge, nothing of that attempt may still be delivered behind its retry: an
     * idempotent producer that expires a record resets the partition's sequence and goes on sending the records
     * queued after it, so a game's later events would reach the topic before the expired one (seen with the broker
     * frozen under writes). Closing the producer at once aborts every record it still holds; the retry resends the
     * batch, in order, through a new one.
     */
    private void replaceProducer() {
        producer.close(Duration.ZERO);
        producer = kafka.producer("outbox", producerSettings());
    }

    private static ProducerRecord<String, byte[]> record(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        header(record, CloudEvents.ID, row.eventId().toString());
        header(record, CloudEvents.SOURCE, row.source());
        header(record, CloudEvents.TYPE, row.type());
        header(record, CloudEvents.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt()));
        header(record, CloudEvents.SUBJECT, row.subject());
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static Future<RecordMetadata> failed(Exception e) {
        java.util.concurrent.CompletableFuture<RecordMetadata> future = new java.util.concurrent.CompletableFuture<>();
        future.completeExceptionally(e);
        return future;
    }

    /** The failure of a completed future, or null when it succeeded. */
    private static Throwable failure(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static void park(Connection c, List<Parked> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement park = c.prepareStatement(
                "UPDATE outbox_event SET parked_at = clock_timestamp(), park_reason = ? WHERE id = ?")) {
            for (Parked p : rows) {
                park.setString(1, p.reason());
                park.setLong(2, p.row().id());
                park.addBatch();
            }
            park.executeBatch();
        }
    }

    /** Backlog gauges, on the listening connection (no extra connection, no lock). */
    private void measureBacklog(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*), count(*) FILTER (WHERE parked_at IS NOT NULL), min(created_at)"
                        + " FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            pending.set(rs.getLong(1));
            parked.set(rs.getLong(2));
            OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
            oldestCreatedAtMillis.set(oldest == null ? 0 : oldest.toInstant().toEpochMilli());
        }
    }

    private void cleanup() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, config.retention().toSeconds());
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Outbox cleanup failed: %s", e.getMessage());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A batch not wholly acknowledged: retried whole, through a new producer. */
    static final class NotAcknowledged extends IllegalStateException {
        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Row(long id, UUID eventId, String topic, String key, String type, String source, String subject,
            OffsetDateTime occurredAt, String payload, OffsetDateTime createdAt) {
    }

    record Parked(Row row, String reason) {
    }

    record Sent(List<Row> acknowledged, List<Parked> parked) {
    }
}
