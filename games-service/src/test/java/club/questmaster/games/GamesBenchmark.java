package club.questmaster.games;

import static io.restassured.RestAssured.given;

import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Measures, on 100 000 games: GET /api/v1/games latency with the usual filters, and the delay from a write's commit
 * to its event on Kafka. Prints the numbers; asserts nothing about them (machines differ).
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmarks -pl games-service}
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GamesBenchmark {

    static final int GAMES = 100_000;
    static final int RUNS = 200;

    @Inject
    AgroalDataSource db;

    @Test
    void listLatencyOnOneHundredThousandGamesAndOutboxDelay() throws Exception {
        long systemId = Api.system();
        long seeded = System.nanoTime();
        String gmId = seed(systemId);
        System.out.printf("%nseeded %d games (+ sessions, 2 players each) in %d ms%n", GAMES,
                (System.nanoTime() - seeded) / 1_000_000);
        User admin = Api.admin("benchadmin");

        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("default (status=open), page 1", "/api/v1/games");
        scenarios.put("status=open&status=closed, page 50", "/api/v1/games?status=open&status=closed&page=50");
        scenarios.put("all statuses (admin), per_page=100", "/api/v1/games?status=draft&status=open&status=closed"
                + "&status=archived&per_page=100");
        scenarios.put("type=campaign&restriction=18+", "/api/v1/games?type=campaign&restriction=18%2B");
        scenarios.put("name=game 4242 (substring)", "/api/v1/games?status=archived&status=open&name=game%204242");
        scenarios.put("gm_id (one gm, all statuses)", "/api/v1/games?status=open&status=closed&status=archived&gm_id="
                + gmId);
        scenarios.put("player_id (one player)", "/api/v1/games?status=open&status=closed&status=archived&player_id="
                + "200000000000000042");
        scenarios.put("system_id", "/api/v1/games?system_id=" + systemId);
        System.out.printf("%nGET /api/v1/games on %d games, %d runs each (after 20 warm-up runs):%n", GAMES, RUNS);
        for (Map.Entry<String, String> s : scenarios.entrySet()) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < RUNS + 20; i++) {
                long t = System.nanoTime();
                int status = admin.as().urlEncodingEnabled(false).get(s.getValue()).then().extract().statusCode();
                if (status != 200) {
                    throw new AssertionError(s.getValue() + " answered " + status);
                }
                if (i >= 20) {
                    micros.add((System.nanoTime() - t) / 1000);
                }
            }
            System.out.printf("  %-40s p50 %6.1f ms  p99 %6.1f ms%n", s.getKey(), pct(micros, 50) / 1000.0,
                    pct(micros, 99) / 1000.0);
        }

        // Commit to Kafka: one alert per game (one event each), sequentially; a consumer notes each arrival.
        List<String> slugs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT slug, id FROM game WHERE status = 'open' AND slug LIKE 'bench-%'"
                        + " LIMIT 300")) {
            while (rs.next()) {
                slugs.add(rs.getString(1));
                ids.add(rs.getString(2));
            }
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(arrived, consuming));
        consumer.start();
        Thread.sleep(2000);
        Map<String, Long> answered = new LinkedHashMap<>();
        for (int i = 0; i < slugs.size(); i++) {
            admin.as().body(Map.of("message", "bench")).post("/api/v1/games/" + slugs.get(i) + "/alert").then()
                    .statusCode(204);
            answered.put(ids.get(i), System.nanoTime());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (arrived.size() < answered.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        consuming.set(false);
        consumer.join();
        List<Long> delays = new ArrayList<>();
        answered.forEach((id, t) -> {
            Long at = arrived.get(id);
            if (at != null) {
                delays.add(Math.max(0, (at - t) / 1000));
            }
        });
        System.out.printf("%nOutbox, HTTP answer (commit done) to record consumed from Kafka, %d sequential writes "
                + "(%d arrived):%n  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", answered.size(), delays.size(),
                pct(delays, 50) / 1000.0, pct(delays, 99) / 1000.0, pct(delays, 100) / 1000.0);
        String metrics = given().get("/q/metrics").asString();
        metrics.lines().filter(l -> l.startsWith("questmaster_outbox_delay_seconds") && !l.startsWith("#"))
                .forEach(l -> System.out.println("  relay metric: " + l));
        System.out.printf("%nReproduce: ./mvnw -B verify -Pbenchmarks -pl games-service%n%n");
    }

    /** 100 000 games over two years around today: 60% archived, 20% open, 10% closed, 10% drafts; 500 gms. */
    private String seed(long systemId) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO game (slug, name, type, length, gm_id, system_id, description, restriction,"
                    + " party_size, xp, date, session_length, status, closed_reason)"
                    + " SELECT 'bench-' || i, 'Bench game ' || i, CASE WHEN i % 3 = 0 THEN 'campaign' ELSE 'oneshot' END,"
                    + " '1 session', (100000000000000000 + i % 500)::text, " + systemId + ", 'description',"
                    + " CASE i % 3 WHEN 0 THEN 'all' WHEN 1 THEN '16+' ELSE '18+' END, 40, 'all',"
                    + " now() + ((i % 730) - 365) * interval '1 day' + (i % 24) * interval '1 hour', 3.0,"
                    + " CASE WHEN i % 10 < 6 THEN 'archived' WHEN i % 10 < 8 THEN 'open' WHEN i % 10 < 9 THEN 'closed'"
                    + " ELSE 'draft' END, CASE WHEN i % 10 = 8 THEN 'manual' END"
                    + " FROM generate_series(1, " + GAMES + ") i");
            st.execute("INSERT INTO game_session (game_id, starts_at, ends_at) SELECT id, date, date + interval '3 hours'"
                    + " FROM game WHERE slug LIKE 'bench-%' AND status <> 'draft'");
            st.execute("INSERT INTO game_player (game_id, player_id) SELECT id, (200000000000000000 + id % 5000)::text"
                    + " FROM game WHERE slug LIKE 'bench-%'");
            st.execute("INSERT INTO game_player (game_id, player_id) SELECT id,"
                    + " (200000000000000000 + (id * 7 + 1) % 5000)::text FROM game WHERE slug LIKE 'bench-%'"
                    + " ON CONFLICT DO NOTHING");
            st.execute("ANALYZE");
            try (PreparedStatement q = c.prepareStatement("SELECT gm_id FROM game WHERE slug = 'bench-42'");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void consume(Map<String, Long> arrived, AtomicBoolean running) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaProbe.bootstrap());
        props.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.GAME_EVENTS).stream()
                    .map(p -> new TopicPartition(Topics.GAME_EVENTS, p.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            while (running.get()) {
                c.poll(Duration.ofMillis(5)).forEach(r -> arrived.putIfAbsent(r.key(), System.nanoTime()));
            }
        }
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
