package club.questmaster.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.devstack.DevStack;
import club.questmaster.devstack.Topic;
import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.ServiceProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged audit-service is killed with SIGKILL while it consumes 10 000 game events, then restarted: every
 * event is stored exactly once (none missing, none doubled). Offsets committed before the kill are older than the
 * last stored rows, so the restarted consumer re-reads events it had already stored: the unique event id absorbs them.
 *
 * <p>Runs with failsafe after packaging ({@code ./mvnw verify -pl audit-service}), on its own PostgreSQL and Kafka.
 */
class ConsumerCrashIT {

    private static final int EVENTS = 10_000;
    private static final int GAMES = 200;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** Events as games-service writes them: snake_case, date-times as ISO-8601 strings (events.md). */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void aConsumerKilledMidwayAndRestartedStoresEveryEventExactlyOnce() throws Exception {
        try (DevStack stack = DevStack.start(DevStack.Options.throwaway(List.of("audit"), Topic.CONTRACT))) {
            Path publicKey = Files.createTempFile("questmaster-public-", ".pem");
            try (InputStream pem = getClass().getResourceAsStream("/questmaster-test-keys/public.pem")) {
                Files.copy(pem, publicKey, StandardCopyOption.REPLACE_EXISTING);
            }
            int port = ServiceProcess.freePort();
            Map<String, String> env = new LinkedHashMap<>(stack.environment("audit"));
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QM_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
            Path log = Path.of("target", "crash-it-audit-service.log");
            Files.deleteIfExists(log);

            List<String> eventIds = produce(stack.bootstrapServers());
            String jdbc = stack.jdbcUrl("audit");

            long killedAt;
            try (ServiceProcess first = start(env, port, log)) {
                // Let it get well into the backlog, then pull the plug.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (rows(jdbc) < EVENTS / 4 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                first.kill();
                killedAt = rows(jdbc);
            }
            System.out.printf("audit-service SIGKILLed with %d of %d events stored%n", killedAt, EVENTS);
            assertTrue(killedAt > 0 && killedAt < EVENTS,
                    "the kill must land mid-consumption (rows at kill: " + killedAt + ")");

            try (ServiceProcess second = start(env, port, log)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (rows(jdbc) < EVENTS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_000); // anything left to redeliver would land now
                String metrics = get(second.baseUrl() + "/q/metrics");
                System.out.println("after restart: " + metrics.lines()
                        .filter(l -> l.startsWith("questmaster_audit_events_")).collect(Collectors.joining("; ")));
                second.stop();
            }

            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                assertEquals(EVENTS, count(db, "SELECT count(*) FROM game_event"), "rows");
                assertEquals(EVENTS, count(db, "SELECT count(DISTINCT event_id) FROM game_event"), "distinct events");
                var produced = db.prepareStatement("SELECT count(*) FROM game_event WHERE event_id = ANY(?)");
                produced.setArray(1, db.createArrayOf("uuid", eventIds.toArray()));
                try (ResultSet rs = produced.executeQuery()) {
                    rs.next();
                    assertEquals(EVENTS, rs.getLong(1), "every produced event is among the rows");
                }
                assertEquals(GAMES, count(db, "SELECT count(*) FROM game_owner"), "owners projected");
            }
        }
    }

    private static ServiceProcess start(Map<String, String> env, int port, Path log) throws Exception {
        return ServiceProcess.start(JAR, env, port, List.of("-Xmx256m"), log, ServiceProcess.DEFAULT_READY_TIMEOUT);
    }

    /** 10 000 events over 200 games (keyed by game id, as games-service does), acks=all; returns their ids. */
    private List<String> produce(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "5");
        List<String> ids = new ArrayList<>(EVENTS);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                long gameId = 1 + (i % GAMES);
                UUID eventId = UUID.randomUUID();
                String gm = Long.toString(100_000_000_000_000_000L + gameId);
                GameEventData data = GameEvents.event(eventId, gameId, "partie-" + gameId, gm,
                        i < GAMES ? GameEventData.Actions.CREATE : GameEventData.Actions.EDIT, gm,
                        "Événement " + i + ".", start.plusNanos(i * 1000L));
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.GAME_EVENTS,
                        Long.toString(gameId), json.writeValueAsString(data));
                header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
                header(record, CloudEvents.ID, eventId.toString());
                header(record, CloudEvents.SOURCE, CloudEvents.GAMES_SOURCE);
                header(record, CloudEvents.TYPE, GameEvents.typeOf(data.action()));
                header(record, CloudEvents.TIME, data.occurredAt().toString());
                header(record, CloudEvents.SUBJECT, Long.toString(gameId));
                header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
                producer.send(record);
                ids.add(eventId.toString());
            }
            producer.flush();
        }
        return ids;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static long rows(String jdbc) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            return count(db, "SELECT count(*) FROM game_event");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // Flyway has not created the table yet
                return 0;
            }
            throw e;
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
