package club.questmaster.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.ConsumerGroups;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The original's end-to-end scenario 1 (docs/original-rules.md#scenario-1, tests/views/test_e2e.py), across the
 * packaged games-service and trophies-service, over HTTP, with the game events travelling through the real Kafka
 * broker: a campaign for one player is created and published; a bad session is refused; a session is added and edited;
 * the monthly stats count the campaign; the calendar shows the sessions; the game is closed (registration refused) and
 * reopened; the gm cannot take a seat; the player registers and the game becomes full; the player raises an alert; the
 * gm archives with badges; trophies-service gives "Badge Campagne" to the player and "Badge Campagne GM" to the gm,
 * once, even when the archive is repeated. Then trophies-service survives a crash and a replay of the whole topic
 * without a double award.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioOneIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static Suite suite;
    private static User scenarioGm;
    private static User scenarioPlayer;

    private record User(String id, String username, String token) {
        RequestSpecification on(String baseUrl) {
            return given().baseUri(baseUrl).header("Authorization", Tokens.bearer(token))
                    .contentType("application/json");
        }
    }

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.shared();
    }

    private static User user(String username, String... roles) {
        String id = Tokens.newUserId();
        UserEvents.created(id, username, roles);
        return new User(id, username, Tokens.of(id, username, roles));
    }

    private static OffsetDateTime inDays(int days, int hour) {
        return OffsetDateTime.now(PARIS).plusDays(days).withHour(hour).withMinute(30)
                .truncatedTo(ChronoUnit.MINUTES);
    }

    private static ValidatableResponse badges(String userId) {
        return given().baseUri(suite.trophies().baseUrl()).when().get("/api/v1/users/" + userId + "/badges").then()
                .statusCode(200);
    }

    @Test
    @Order(1)
    void aCampaignFromPublicationToArchiveGivesItsBadgesOnce() {
        String games = suite.games.baseUrl();
        String trophies = suite.trophies().baseUrl();
        User admin = user("notsag", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
        User gm = user("jadow", Role.PLAYER_NAME, Role.GM_NAME);
        User player = user("grew", Role.PLAYER_NAME);

        long systemId = admin.on(games).body(Map.of("name", "Appel de Cthulhu v7")).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        // A campaign for one player, created as a draft then published (which creates its first session).
        OffsetDateTime firstSession = inDays(7, 20);
        Map<String, Object> game = new HashMap<>();
        game.put("name", "Les Masques de Nyarlathotep");
        game.put("type", "campaign");
        game.put("length", "10 sessions");
        game.put("system_id", systemId);
        game.put("description", "Une campagne autour du monde.");
        game.put("restriction", "16+");
        game.put("party_size", 1);
        game.put("party_selection", false);
        game.put("xp", "all");
        game.put("date", firstSession.toString());
        game.put("session_length", 4);
        game.put("frequency", "weekly");
        game.put("characters", "pregen");
        game.put("ambience", List.of("serious"));
        String slug = gm.on(games).body(game).post("/api/v1/games").then()
                .statusCode(201).body("status", equalTo("draft")).body("gm_id", equalTo(gm.id()))
                .extract().path("slug");
        String path = "/api/v1/games/" + slug;
        gm.on(games).body(Map.of()).post(path + "/publish").then()
                .statusCode(200).body("status", equalTo("open")).body("sessions", hasSize(1));

        // A bad session (ends before it starts, or lasts over 24 h) is refused; a good one is added, then edited.
        OffsetDateTime start = inDays(14, 20);
        gm.on(games).body(Map.of("start", start.toString(), "end", start.minusHours(1).toString()))
                .post(path + "/sessions").then().statusCode(400);
        gm.on(games).body(Map.of("start", start.toString(), "end", start.plusHours(25).toString()))
                .post(path + "/sessions").then().statusCode(400);
        long sessionId = gm.on(games).body(Map.of("start", start.toString(), "end", start.plusHours(4).toString()))
                .post(path + "/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        gm.on(games).body(Map.of("end", start.plusHours(3).toString()))
                .patch(path + "/sessions/" + sessionId).then().statusCode(200);
        given().baseUri(games).when().get(path + "/sessions").then().statusCode(200).body("", hasSize(2));

        // The monthly stats of the first session's month count the campaign (the original's "(1 campagne)").
        given().baseUri(games).queryParam("year", firstSession.getYear())
                .queryParam("month", firstSession.getMonthValue())
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("counts.campaign", greaterThanOrEqualTo(1))
                .body("campaign_games.'Appel de Cthulhu v7'.'" + slug + "'.name", equalTo(game.get("name")));

        // The calendar shows both sessions of the game.
        given().baseUri(games)
                .queryParam("start", firstSession.minusDays(1).toString())
                .queryParam("end", start.plusDays(1).toString())
                .when().get("/api/v1/calendar/events").then().statusCode(200)
                .body("findAll { it.game_slug == '" + slug + "' }", hasSize(2));

        // Closed: a registration is refused; reopened.
        gm.on(games).post(path + "/close").then().statusCode(200).body("status", equalTo("closed"));
        player.on(games).post(path + "/registrations").then().statusCode(409).body("code", equalTo("GAME_CLOSED"));
        gm.on(games).post(path + "/reopen").then().statusCode(200).body("status", equalTo("open"));

        // The gm cannot take a seat in their own game; the player can, and the game is then full (closed).
        gm.on(games).post(path + "/registrations").then().statusCode(403);
        player.on(games).post(path + "/registrations").then().statusCode(201);
        given().baseUri(games).when().get(path).then().statusCode(200)
                .body("status", equalTo("closed")).body("player_ids", contains(player.id()));

        // The registered player raises an alert for the admins.
        player.on(games).body(Map.of("message", "Le MJ ne répond plus."))
                .post(path + "/alert").then().statusCode(anyOf(equalTo(202), equalTo(204)));

        // Archived with badges: trophies-service gives them through questmaster.game-events.
        gm.on(games).body(Map.of("award_trophies", true)).post(path + "/archive").then()
                .statusCode(200).body("status", equalTo("archived"));
        Awaitility.await("badges given").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    badges(player.id()).body("", hasSize(1)).body("[0].name", equalTo("Badge Campagne"))
                            .body("[0].quantity", equalTo(1));
                    badges(gm.id()).body("", hasSize(1)).body("[0].name", equalTo("Badge Campagne GM"))
                            .body("[0].quantity", equalTo(1));
                });

        // Archiving again changes nothing, and the badges stay at one each once every event is consumed.
        gm.on(games).body(Map.of("award_trophies", true)).post(path + "/archive").then()
                .statusCode(200).body("status", equalTo("archived"));
        ConsumerGroups.awaitCaughtUp("trophies-service", Topics.GAME_EVENTS, Duration.ofSeconds(60));
        badges(player.id()).body("", hasSize(1)).body("[0].quantity", equalTo(1));
        badges(gm.id()).body("", hasSize(1)).body("[0].quantity", equalTo(1));

        // The leaderboards count them, with the names from the users projection.
        Awaitility.await("leaderboard names").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(trophies).when().get("/api/v1/leaderboards").then().statusCode(200)
                        .body("campaign_players.user_id", hasItem(player.id()))
                        .body("campaign_players.find { it.user_id == '" + player.id() + "' }.name", equalTo("grew"))
                        .body("campaign_gms.find { it.user_id == '" + gm.id() + "' }.count", equalTo(1)));
        List<String> oneshotPlayers = given().baseUri(trophies).when().get("/api/v1/leaderboards").then()
                .extract().path("oneshot_players.user_id");
        // A campaign's badges are not one-shot badges (other tests of the shared suite may have given some).
        assertFalse(oneshotPlayers.contains(player.id()), "the campaign player counted as a one-shot player");
        scenarioGm = gm;
        scenarioPlayer = player;
    }

    /**
     * events.md "Effect once": trophies-service is killed (SIGKILL) right after an archive, at whatever point of its
     * work it is, then restarted with its consumer group sent back to the start of questmaster.game-events, so every
     * event (the scenario's too) is delivered again. Every badge is still given exactly once.
     */
    @Test
    @Order(2)
    void aCrashThenAReplayOfTheWholeTopicGivesEveryBadgeExactlyOnce() {
        assertNotNull(scenarioGm, "runs after the scenario");
        String games = suite.games.baseUrl();
        User admin = user("admin2", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
        User gm = user("mj2", Role.PLAYER_NAME, Role.GM_NAME);
        User first = user("joueuse1", Role.PLAYER_NAME);
        User second = user("joueur2", Role.PLAYER_NAME);
        long systemId = admin.on(games).body(Map.of("name", "Dungeons & Dragons 5e")).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> game = new HashMap<>();
        game.put("name", "La Crypte oubliée");
        game.put("type", "oneshot");
        game.put("length", "1 session");
        game.put("system_id", systemId);
        game.put("description", "Un one-shot.");
        game.put("restriction", "all");
        game.put("party_size", 2);
        game.put("party_selection", false);
        game.put("xp", "all");
        game.put("date", inDays(3, 20).toString());
        game.put("session_length", 3);
        game.put("frequency", "other");
        game.put("characters", "pregen");
        game.put("ambience", List.of("epic"));
        String path = "/api/v1/games/" + gm.on(games).body(game).post("/api/v1/games").then().statusCode(201)
                .extract().path("slug");
        gm.on(games).body(Map.of()).post(path + "/publish").then().statusCode(200);
        first.on(games).post(path + "/registrations").then().statusCode(201);
        second.on(games).post(path + "/registrations").then().statusCode(201);
        gm.on(games).body(Map.of("award_trophies", true)).post(path + "/archive").then()
                .statusCode(200).body("status", equalTo("archived"));

        suite.killTrophies();
        // The killed member leaves the group only when its session expires; until then offsets cannot be moved.
        Awaitility.await("consumer group offsets reset to the start").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> resetToTheStart("trophies-service", Topics.GAME_EVENTS));
        suite.startTrophies();
        ConsumerGroups.awaitCaughtUp("trophies-service", Topics.GAME_EVENTS, Duration.ofSeconds(120));

        badges(gm.id()).body("", hasSize(1)).body("[0].name", equalTo("Badge OS GM")).body("[0].quantity", equalTo(1));
        badges(first.id()).body("", hasSize(1)).body("[0].name", equalTo("Badge OS")).body("[0].quantity", equalTo(1));
        badges(second.id()).body("", hasSize(1)).body("[0].name", equalTo("Badge OS"))
                .body("[0].quantity", equalTo(1));
        badges(scenarioGm.id()).body("", hasSize(1)).body("[0].quantity", equalTo(1));
        badges(scenarioPlayer.id()).body("", hasSize(1)).body("[0].quantity", equalTo(1));
    }

    private static boolean resetToTheStart(String group, String topic) throws Exception {
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", suite.stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> start.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            kafka.alterConsumerGroupOffsets(group, start).all().get();
            return true;
        }
    }
}
