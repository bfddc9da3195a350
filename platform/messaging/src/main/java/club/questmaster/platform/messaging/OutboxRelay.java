package club.questmaster.platform.messaging;

import io.agroal.api.AgroalDataSource;
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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
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
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "qm-outbox". */
    private static final long LOCK_KEY = 0x716d2d6f7574626fL;
    private static final String CHANNEL = "questmaster_outbox";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Config mpConfig;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Timer delay;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, Config mpConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.mpConfig = mpConfig;
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
        registry.gauge("questmaster.outbox.pending", pending);
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
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

    /** Kafka client settings: every {@code kafka.*} property of the service (as for its channels), plus ours. */
    private Properties producerConfig() {
        Properties props = new Properties();
        for (String name : mpConfig.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka-")) {
                mpConfig.getOptionalValue(name, String.class).ifPresent(v -> props.put(name.substring(6), v));
            }
        }
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeout = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(1000, timeout / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(timeout));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeout));
        props.put(ProducerConfig.CLIENT_ID_CONFIG,
                mpConfig.getOptionalValue("quarkus.application.name", String.class).orElse("questmaster") + "-outbox");
        return props;
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
                while (running) {
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
                    pending.set(0);
                    c.commit();
                    return 0;
                }
                send(rows);
                try (PreparedStatement mark = c.prepareStatement(
                        "UPDATE outbox_event SET sent_at = clock_timestamp() WHERE id = ANY (?)")) {
                    Array ids = c.createArrayOf("bigint", rows.stream().map(Row::id).toArray());
                    mark.setArray(1, ids);
                    mark.executeUpdate();
                }
                c.commit();
                OffsetDateTime now = OffsetDateTime.now();
                for (Row row : rows) {
                    delay.record(Duration.between(row.createdAt(), now));
                }
                published.increment(rows.size());
                pending.set(Math.max(0, pending.get() - rows.size()));
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Row> unsent(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, event_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload, created_at"
                        + " FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                            rs.getString(9), rs.getObject(10, OffsetDateTime.class)));
                }
            }
        }
        if (rows.size() == config.batchSize()) {
            try (Statement count = c.createStatement();
                    ResultSet rs = count.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                pending.set(rs.getLong(1));
            }
        } else {
            pending.set(rows.size());
        }
        return rows;
    }

    private void send(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                    row.payload().getBytes(StandardCharsets.UTF_8));
            header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
            header(record, CloudEvents.ID, row.eventId().toString());
            header(record, CloudEvents.SOURCE, row.source());
            header(record, CloudEvents.TYPE, row.type());
            header(record, CloudEvents.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt()));
            header(record, CloudEvents.SUBJECT, row.subject());
            header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
            acks.add(producer.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + rootMessage(e), e);
            }
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

    private record Row(long id, UUID eventId, String topic, String key, String type, String source, String subject,
            OffsetDateTime occurredAt, String payload, OffsetDateTime createdAt) {
    }
}
