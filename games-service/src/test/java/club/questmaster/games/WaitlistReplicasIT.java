package club.questmaster.games;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged replicas of games-service, one database, both running the expiry scheduler every second (issue 15):
 * on many full games whose queued players never answer, each freed seat rolls down the queue offer after offer, and
 * every player is offered the seat exactly once and loses it exactly once, each expiry within 60 s of its
 * {@code offered_until}; the games the two replicas' sweeps report add up to the expiries. Runs after packaging
 * (failsafe) against its own PostgreSQL and Kafka.
 */
class WaitlistReplicasIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final int GAMES = 12;
    static final int QUEUED = 4;

    static DevStack stack;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(DevStack.Options.throwaway(List.of("app"), Topic.CONTRACT));
        env = new HashMap<>(TestKeys.verifyingTestTokens(stack.environment("app")));
        // One of waitlist_offer_hours lasts 3 s, and each replica sweeps every second.
        env.put("QUESTMASTER_GAMES_SEATS_OFFER_HOUR", "PT3S");
        env.put("QUESTMASTER_GAMES_SEATS_SWEEP_EVERY", "1s");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoReplicasSweepingOneDatabaseNeverOfferOrExpireASeatTwice() throws Exception {
        try (ServiceProcess a = ServiceProcess.start(JAR, env, ServiceProcess.freePort());
                ServiceProcess b = ServiceProcess.start(JAR, env, ServiceProcess.freePort())) {
            String gmId = Tokens.newUserId();
            String gm = Tokens.of(gmId, "replicagm", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
            long systemId = as(a, gm).body(Map.of("name", "Replica system")).post("/api/v1/systems").then()
                    .statusCode(201).extract().jsonPath().getLong("id");

            // Full games of one seat with four in line, the requests spread over both replicas.
            List<String[]> games = new ArrayList<>(); // {slug, id, seated player}
            for (int g = 0; g < GAMES; g++) {
                ServiceProcess via = g % 2 == 0 ? a : b;
                Map<String, Object> body = Api.gameBody("Réplique " + g + " " + System.nanoTime(), systemId);
                body.put("party_size", 1);
                body.put("waitlist_offer_hours", 1);
                JsonNode game = Api.json(as(via, gm).body(body).post("/api/v1/games").then().statusCode(201)
                        .extract().asString());
                String slug = game.get("slug").asText();
                as(via, gm).body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
                String seated = Tokens.newUserId();
                as(via, player(seated)).post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
                for (int q = 0; q < QUEUED; q++) {
                    as(q % 2 == 0 ? a : b, player(Tokens.newUserId())).post("/api/v1/games/" + slug + "/waitlist")
                            .then().statusCode(201);
                }
                games.add(new String[] {slug, game.get("id").asText(), seated});
            }
            // The seated players leave: each game's seat now rolls down its queue, driven by the sweeps only.
            for (int g = 0; g < GAMES; g++) {
                String[] game = games.get(g);
                as(g % 2 == 0 ? b : a, player(game[2])).delete("/api/v1/games/" + game[0] + "/registrations/me")
                        .then().statusCode(204);
            }

            // Four offers of 3 s in a row per game, each expired within a second or two: about 20 s in all.
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("app"), "postgres", "postgres")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (count(db, "SELECT count(*) FROM waitlist_entry") > 0) {
                    // Never two live offers for one game's single seat, whoever swept last.
                    assertThat(count(db, "SELECT count(*) FROM (SELECT game_id FROM waitlist_entry"
                            + " WHERE status = 'offered' GROUP BY game_id HAVING count(*) > 1) twice")).isZero();
                    assertThat(System.nanoTime()).as("every queue rolled to its end in time").isLessThan(deadline);
                    Thread.sleep(200);
                }
                long deadlineOutbox = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (count(db, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") > 0) {
                    assertThat(System.nanoTime()).as("outbox drained").isLessThan(deadlineOutbox);
                    Thread.sleep(200);
                }
            }

            Map<String, List<ConsumerRecord<String, String>>> byGame = new HashMap<>();
            for (ConsumerRecord<String, String> r : readAll()) {
                byGame.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
            for (String[] game : games) {
                List<ConsumerRecord<String, String>> events = byGame.getOrDefault(game[1], List.of());
                Map<String, Integer> offers = new HashMap<>();
                Map<String, Integer> expiries = new HashMap<>();
                Map<String, Instant> offeredUntil = new HashMap<>();
                for (ConsumerRecord<String, String> r : events) {
                    JsonNode data = Api.json(r.value());
                    String user = data.path("user_id").asText();
                    switch (KafkaProbe.header(r, CloudEvents.TYPE)) {
                        case Types.WAITLIST_OFFERED -> {
                            offers.merge(user, 1, Integer::sum);
                            // The seat is held for the 3 s of one offer hour, as the event's answer time shows.
                            offeredUntil.put(user, OffsetDateTime.parse(data.get("occurred_at").asText())
                                    .toInstant().plusSeconds(3));
                        }
                        case Types.WAITLIST_EXPIRED -> {
                            expiries.merge(user, 1, Integer::sum);
                            Instant expiredAt = OffsetDateTime.parse(data.get("occurred_at").asText()).toInstant();
                            // offered_until is a little before the offer event's time plus 3 s (same transaction).
                            assertThat(expiredAt).as("not expired before its deadline").isAfterOrEqualTo(
                                    offeredUntil.get(user).minusSeconds(1));
                            assertThat(Duration.between(offeredUntil.get(user), expiredAt))
                                    .as("expired within 60 s of offered_until").isLessThan(Duration.ofSeconds(60));
                        }
                        default -> { }
                    }
                }
                assertThat(offers).as("game %s: each of the four offered once", game[0]).hasSize(QUEUED)
                        .allSatisfy((user, n) -> assertThat(n).isEqualTo(1));
                assertThat(expiries).as("game %s: each offer expired once", game[0]).isEqualTo(offers);
                given().baseUri(b.baseUrl()).get("/api/v1/games/" + game[0]).then().statusCode(200)
                        .body("waitlist_length", equalTo(0)).body("seats_left", equalTo(1));
            }
            // Every expiry was acted on by exactly one sweep of one replica: the games the two logs report add up to
            // the expiries (how they split between the replicas depends on their timing; printed for the record).
            int byA = sweptGames(a);
            int byB = sweptGames(b);
            System.out.printf("expiries swept: %d by replica a, %d by replica b%n", byA, byB);
            assertThat(byA + byB).isEqualTo(GAMES * QUEUED);
        }
    }

    private static final Pattern SWEPT = Pattern.compile("Seat sweep: offers expired on (\\d+) games");

    /** The games whose offers this replica's sweeps expired, summed over its log. */
    private static int sweptGames(ServiceProcess replica) throws Exception {
        var matcher = SWEPT.matcher(Files.readString(replica.log()));
        int games = 0;
        while (matcher.find()) {
            games += Integer.parseInt(matcher.group(1));
        }
        return games;
    }

    private static String player(String id) {
        return Tokens.of(id, "p" + id, Role.PLAYER_NAME);
    }

    private static RequestSpecification as(ServiceProcess service, String token) {
        return given().baseUri(service.baseUrl()).header("Authorization", Tokens.bearer(token))
                .contentType("application/json");
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
}
