package club.questmaster.games;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.devstack.DevStack;
import club.questmaster.devstack.Topic;
import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.ServiceProcess;
import club.questmaster.platform.testing.TestKeys;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed with SIGKILL while writes are in flight: once it is back, every committed change has
 * its event on Kafka, and no event reports a change that was not committed. Runs after packaging (failsafe) against
 * its own PostgreSQL and Kafka.
 */
class OutboxCrashIT {

    static DevStack stack;
    static Map<String, String> env;
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(DevStack.Options.throwaway(List.of("app"), Topic.CONTRACT));
        env = TestKeys.verifyingTestTokens(stack.environment("app"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    record Registration(String gameId, String playerId) {
    }

    @Test
    void aServiceKilledMidWriteLosesNoCommittedEventAndPublishesNoUncommittedOne() throws Exception {
        ServiceProcess service = ServiceProcess.start(JAR, env, ServiceProcess.freePort());
        String base = service.baseUrl();
        String adminId = Tokens.newUserId();
        String admin = Tokens.of(adminId, "crashadmin", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
        long systemId = as(base, admin).body(Map.of("name", "Crash system")).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        List<String[]> games = new ArrayList<>(); // {slug, id}
        for (int i = 0; i < 8; i++) {
            games.add(newGame(base, admin, systemId, "Avant " + i));
        }

        Set<String> ackedGames = ConcurrentHashMap.newKeySet();
        Set<Registration> ackedRegistrations = ConcurrentHashMap.newKeySet();
        games.forEach(g -> ackedGames.add(g[1]));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        if (thread == 0) {
                            String[] game = newGame(base, admin, systemId, "Pendant " + n++);
                            ackedGames.add(game[1]);
                            synchronized (games) {
                                games.add(game);
                            }
                        } else {
                            String[] game;
                            synchronized (games) {
                                game = games.get(ThreadLocalRandom.current().nextInt(games.size()));
                            }
                            String player = Tokens.newUserId();
                            int status = as(base, Tokens.of(player, "p" + player, Role.PLAYER_NAME))
                                    .post("/api/v1/games/" + game[0] + "/registrations").then().extract().statusCode();
                            if (status == 201) {
                                ackedRegistrations.add(new Registration(game[1], player));
                            }
                        }
                    } catch (Exception | AssertionError e) {
                        // The service died under this request: its outcome is unknown, which is the point.
                    }
                }
            });
        }
        Thread.sleep(3000);
        service.kill();
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        System.out.printf("acknowledged before SIGKILL: %d games, %d registrations%n", ackedGames.size(),
                ackedRegistrations.size());
        assertThat(ackedRegistrations).isNotEmpty();

        // Restarted, the relay publishes what the dead instance had committed but not yet sent.
        ServiceProcess restarted = ServiceProcess.start(JAR, env, ServiceProcess.freePort(), List.of(),
                service.log(), ServiceProcess.DEFAULT_READY_TIMEOUT);
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("app"), "postgres", "postgres")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(db, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") > 0) {
                assertThat(System.nanoTime()).as("outbox drained in time").isLessThan(deadline);
                Thread.sleep(200);
            }
            Set<String> committedGames = strings(db, "SELECT id::text FROM game");
            Set<String> committedRegistrations = strings(db, "SELECT game_id || ':' || player_id FROM game_player");
            Set<String> outboxIds = strings(db, "SELECT event_id::text FROM outbox_event");

            List<ConsumerRecord<String, String>> records = readAll();
            Map<String, ConsumerRecord<String, String>> byEventId = new LinkedHashMap<>();
            records.forEach(r -> byEventId.putIfAbsent(KafkaProbe.header(r, CloudEvents.ID), r));
            System.out.printf("committed: %d games, %d registrations; %d events on Kafka (%d records)%n",
                    committedGames.size(), committedRegistrations.size(), byEventId.size(), records.size());

            // Nothing lost: every committed outbox row reached Kafka, and nothing else did.
            assertThat(byEventId.keySet()).isEqualTo(outboxIds);
            // Every acknowledged write was committed, with its event.
            assertThat(committedGames).containsAll(ackedGames);
            for (Registration r : ackedRegistrations) {
                assertThat(committedRegistrations).contains(r.gameId() + ":" + r.playerId());
            }
            // Every event reports a committed change, and every committed change has its event.
            Set<String> createdOnKafka = new HashSet<>();
            Set<String> registeredOnKafka = new HashSet<>();
            for (ConsumerRecord<String, String> r : byEventId.values()) {
                JsonNode data = Api.json(r.value());
                switch (KafkaProbe.header(r, CloudEvents.TYPE)) {
                    case Types.CREATED -> createdOnKafka.add(r.key());
                    case Types.PLAYER_REGISTERED -> registeredOnKafka.add(r.key() + ":" + data.get("user_id").asText());
                    default -> { }
                }
            }
            assertThat(createdOnKafka).isEqualTo(committedGames);
            assertThat(registeredOnKafka).isEqualTo(committedRegistrations);
            // Per game, in partition order: created, then published, then the registrations.
            Map<String, List<String>> perGame = new HashMap<>();
            for (ConsumerRecord<String, String> r : byEventId.values()) {
                perGame.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(KafkaProbe.header(r, CloudEvents.TYPE));
            }
            perGame.forEach((game, types) -> {
                assertThat(types.get(0)).as(game).isEqualTo(Types.CREATED);
                if (types.size() > 1) {
                    assertThat(types.get(1)).as(game).isEqualTo(Types.PUBLISHED);
                    assertThat(types.subList(2, types.size())).as(game)
                            .allMatch(t -> t.equals(Types.PLAYER_REGISTERED) || t.equals(Types.CLOSED));
                }
            });
        } finally {
            restarted.stop();
        }
    }

    private static String[] newGame(String base, String admin, long systemId, String name) {
        Map<String, Object> body = Api.gameBody(name + " " + System.nanoTime(), systemId);
        body.put("party_size", 100); // the contract's maximum (§6 "Bounds"); a full game auto-closes
        JsonNode game = Api.json(as(base, admin).body(body).post("/api/v1/games").then().statusCode(201).extract()
                .asString());
        String slug = game.get("slug").asText();
        as(base, admin).body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
        return new String[] {slug, game.get("id").asText()};
    }

    private static RequestSpecification as(String base, String token) {
        return given().baseUri(base).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5000).setParam("http.socket.timeout", 10000)))
                .header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }

    /** The whole game-events topic, from the beginning, until it has been quiet for two seconds. */
    private static List<ConsumerRecord<String, String>> readAll() {
        return KafkaProbe.readAll(stack.bootstrapServers(), Topics.GAME_EVENTS, Duration.ofSeconds(2));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> strings(Connection db, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
