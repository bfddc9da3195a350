package club.questmaster.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.e2e.Accounts.Account;
import club.questmaster.platform.messaging.Topics;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's privacy scenario on the four packaged services, PostgreSQL and Kafka (contract §8 export and erasure): a
 * user who ran a game, played in another, holds a badge and left audit traces asks for the export (every section
 * present and right, within 30 s), then erases the account: within 60 s every service has removed or anonymised what
 * it held, the other users' data is intact, and a full replay of questmaster.user-events changes nothing. No secret
 * (password, refresh token, access token, API token) appears in the export, in any event or in any service's log.
 * Prints the figures it measured ("[privacy] ...").
 */
class PrivacyIT {

    private static final Duration EXPORT_BOUND = Duration.ofSeconds(30);
    private static final Duration ERASURE_BOUND = Duration.ofSeconds(60);
    private static final String ERASED_NAME = "Utilisateur·rice supprimé·e";

    private static Accounts accounts;

    @BeforeAll
    static void start() throws Exception {
        accounts = Accounts.start();
    }

    @Test
    void theExportHasEverySectionAndTheErasureCleansEveryServiceForGood() throws Exception {
        Account admin = accounts.create("padmin", "player", "gm", "admin");
        Account leaver = accounts.create("leaver", "player", "gm");
        Account otherGm = accounts.create("othergm", "player", "gm");
        Account stays = accounts.create("stays", "player");
        long systemId = accounts.system(admin);

        // The leaver runs a game, with another player in it...
        String ran = accounts.openGame(leaver, systemId, 4);
        stays.on(accounts.games()).post("/api/v1/games/" + ran + "/registrations").then().statusCode(201);
        // ...plays in another, which its gm archives with badges for everyone.
        String played = accounts.openGame(otherGm, systemId, 4);
        leaver.on(accounts.games()).post("/api/v1/games/" + played + "/registrations").then().statusCode(201);
        stays.on(accounts.games()).post("/api/v1/games/" + played + "/registrations").then().statusCode(201);
        // ...where it reported something and answered a poll, like the other player.
        leaver.on(accounts.games()).body(Map.of("message", "Horaire douteux")).post("/api/v1/games/" + played
                + "/alert").then().statusCode(204);
        OffsetDateTime option = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        JsonPath poll = otherGm.on(accounts.games()).body(Map.of("options", List.of(
                Map.of("start", option.toString(), "end", option.plusHours(3).toString()),
                Map.of("start", option.plusDays(1).toString(), "end", option.plusDays(1).plusHours(3).toString()))))
                .post("/api/v1/games/" + played + "/polls").then().statusCode(201).extract().jsonPath();
        for (Account voter : List.of(leaver, stays)) {
            voter.on(accounts.games()).body(Map.of("answers", Map.of(poll.getString("options[0].id"), "yes")))
                    .put("/api/v1/games/" + played + "/polls/" + poll.getLong("id") + "/answers/me").then()
                    .statusCode(200);
        }
        otherGm.on(accounts.games()).body(Map.of("award_trophies", true)).post("/api/v1/games/" + played + "/archive")
                .then().statusCode(200);
        long ranId = gameId(ran);
        long playedId = gameId(played);
        // A bot token: its secret must appear nowhere but in the answer that created it.
        String apiToken = leaver.on(accounts.users).body(Map.of("name", "mon bot", "scopes", List.of("games:read"),
                "expires_in_days", 7)).post("/api/v1/users/me/tokens").then().statusCode(201).extract().path("token");

        Accounts.timeUntil("badges awarded", ERASURE_BOUND, () -> badges(leaver.id()).size() == 1
                && badges(stays.id()).size() == 1 && badges(otherGm.id()).size() == 1);
        Accounts.timeUntil("audit traces", ERASURE_BOUND, () -> accounts.count("audit",
                "SELECT count(*) FROM game_event WHERE user_id = ? AND game_id = ? AND action = 'register'",
                leaver.id(), playedId) == 1 && accounts.count("audit",
                "SELECT count(*) FROM game_event WHERE game_id = ? AND action = 'register'", ranId) == 1);
        long ranRows = accounts.count("audit", "SELECT count(*) FROM game_event WHERE game_id = ?", ranId);
        long playedRows = accounts.count("audit", "SELECT count(*) FROM game_event WHERE game_id = ?", playedId);
        long leaverRows = accounts.count("audit", "SELECT count(*) FROM game_event WHERE user_id = ?", leaver.id());

        // ---- The export: 202 with Retry-After until every service answered, then every section.
        long asked = System.nanoTime();
        Response first = leaver.on(accounts.users).get("/api/v1/users/me/export");
        if (first.statusCode() == 202) {
            first.then().header("Retry-After", org.hamcrest.Matchers.notNullValue());
        }
        Response export = first;
        while (export.statusCode() == 202 && System.nanoTime() - asked < EXPORT_BOUND.toNanos()) {
            Thread.sleep(100);
            export = leaver.on(accounts.users).get("/api/v1/users/me/export");
        }
        Duration exportTime = Duration.ofNanos(System.nanoTime() - asked);
        System.out.printf("[privacy] export complete %d ms after the first request%n", exportTime.toMillis());
        export.then().statusCode(200).contentType("application/json");
        JsonPath sections = export.jsonPath().setRootPath("sections");
        assertEquals(List.of("users", "games", "trophies", "audit"),
                List.copyOf(export.jsonPath().getMap("sections").keySet()));
        assertEquals(leaver.username(), sections.getString("users.account.username"));
        assertEquals(leaver.name(), sections.getString("users.account.name"));
        assertTrue(sections.getList("users.sessions").size() >= 1);
        assertEquals(List.of("mon bot"), sections.getList("users.api_tokens.name"));
        assertEquals(List.of(ran), sections.getList("games.games_run.slug"));
        assertEquals(List.of(played), sections.getList("games.registrations.slug"));
        assertEquals(List.of("Horaire douteux"), sections.getList("games.alerts.message"));
        assertEquals(List.of("yes"), sections.getList("games.poll_answers.answer"));
        assertEquals(1, sections.getList("trophies.trophies").size());
        assertEquals(1, sections.getInt("trophies.trophies[0].quantity"));
        assertEquals(leaverRows, sections.getList("audit.events").size());
        assertTrue(sections.getList("audit.events.action").contains("register"));
        assertTrue(sections.getList("audit.events.game_slug").containsAll(List.of(ran, played)));
        assertEquals(List.of(ran), sections.getList("audit.games_owned.game_slug"));
        assertNoSecret("the export", export.asString(), leaver, apiToken);

        // ---- The erasure.
        leaver.on(accounts.users).body(Map.of("password", Accounts.PASSWORD)).delete("/api/v1/users/me").then()
                .statusCode(204);
        long erased = System.nanoTime();
        Duration games = Accounts.timeUntil("games-service clean", ERASURE_BOUND, () -> gamesClean(leaver));
        Duration trophies = Accounts.timeUntil("trophies-service clean", ERASURE_BOUND, () -> trophiesClean(leaver));
        Duration audit = Accounts.timeUntil("audit-service clean", ERASURE_BOUND, () -> auditClean(leaver));
        Duration everywhere = Duration.ofNanos(System.nanoTime() - erased);
        System.out.printf("[privacy] erasure: games-service clean after %d ms, trophies-service %d ms, audit-service"
                + " %d ms; every service within %d ms%n", games.toMillis(), trophies.toMillis(), audit.toMillis(),
                everywhere.toMillis());
        assertTrue(everywhere.compareTo(ERASURE_BOUND) <= 0, "erasure took " + everywhere);
        usersClean(leaver);
        othersIntact(leaver, otherGm, stays, ran, played, ranId, ranRows, playedId, playedRows);

        // ---- A full replay of questmaster.user-events: every record once more, in order, ids unchanged.
        List<ConsumerRecord<byte[], byte[]>> all = replayUserEvents();
        for (ConsumerRecord<byte[], byte[]> record : all) {
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            assertNoSecret("a user event", value, leaver, apiToken);
        }
        for (String service : List.of("games-service", "trophies-service", "audit-service")) {
            for (String group : List.of(".users-projection", ".privacy")) {
                club.questmaster.platform.testing.ConsumerGroups.awaitCaughtUp(accounts.suite.stack.bootstrapServers(),
                        service + group, Topics.USER_EVENTS, Duration.ofSeconds(120));
            }
        }
        System.out.printf("[privacy] replayed %d user events; the erasure still holds%n", all.size());
        assertTrue(gamesClean(leaver), "games-service after the replay");
        assertTrue(trophiesClean(leaver), "trophies-service after the replay");
        assertTrue(auditClean(leaver), "audit-service after the replay");
        usersClean(leaver);
        othersIntact(leaver, otherGm, stays, ran, played, ranId, ranRows, playedId, playedRows);

        for (var service : List.of(accounts.suite.users(), accounts.suite.games, accounts.suite.trophies(),
                accounts.suite.audit)) {
            assertNoSecret(service.log().getFileName().toString(), Files.readString(service.log()), leaver, apiToken);
        }
    }

    private static long gameId(String slug) {
        return given().baseUri(accounts.games()).get("/api/v1/games/" + slug).then().statusCode(200).extract()
                .jsonPath().getLong("id");
    }

    private static List<Object> badges(String userId) {
        return given().baseUri(accounts.trophies()).get("/api/v1/users/" + userId + "/badges").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** Registrations, alerts and poll answers gone; the projection keeps only the id under the erased name. */
    private static boolean gamesClean(Account leaver) throws Exception {
        return accounts.count("games", "SELECT count(*) FROM game_player WHERE player_id = ?", leaver.id()) == 0
                && accounts.count("games", "SELECT count(*) FROM game_alert WHERE reporter_id = ?", leaver.id()) == 0
                && accounts.count("games", "SELECT count(*) FROM game_poll_answer WHERE user_id = ?", leaver.id()) == 0
                && projectionForgot("games", leaver);
    }

    private static boolean trophiesClean(Account leaver) throws Exception {
        return badges(leaver.id()).isEmpty()
                && accounts.count("trophies", "SELECT count(*) FROM user_trophy WHERE user_id = ?", leaver.id()) == 0
                && projectionForgot("trophies", leaver);
    }

    /** No row names the user any more, by id or by name. */
    private static boolean auditClean(Account leaver) throws Exception {
        return accounts.count("audit", "SELECT count(*) FROM game_event WHERE user_id = ?", leaver.id()) == 0
                && accounts.count("audit", "SELECT count(*) FROM game_event WHERE description LIKE ? OR description"
                        + " LIKE ?", "%" + leaver.username() + "%", "%" + leaver.name() + "%") == 0
                && projectionForgot("audit", leaver);
    }

    private static boolean projectionForgot(String database, Account leaver) throws Exception {
        return accounts.count(database, "SELECT count(*) FROM known_user WHERE id = ? AND deleted AND erased"
                + " AND username IS NULL AND name IS NULL", leaver.id()) == 1;
    }

    /** users-service: no login, no token, the account a tombstone under the erased name. */
    private static void usersClean(Account leaver) throws Exception {
        accounts.login(leaver.username(), Accounts.PASSWORD, "e2e").then().statusCode(401);
        leaver.on(accounts.users).get("/api/v1/users/me").then().statusCode(401);
        given().baseUri(accounts.users).contentType("application/json")
                .body(Map.of("refresh_token", leaver.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(401);
        assertEquals(List.of(ERASED_NAME), accounts.column("users", "SELECT name FROM app_user WHERE id = ?",
                leaver.id()));
        for (String table : List.of("user_session", "refresh_token", "api_token", "privacy_export", "login_failure")) {
            assertEquals(0, accounts.count("users", "SELECT count(*) FROM " + table + " WHERE user_id = ?",
                    leaver.id()), table);
        }
    }

    /** The game the erased user ran is still listed with its player; the other players keep seats and badges. */
    private static void othersIntact(Account leaver, Account otherGm, Account stays, String ran, String played,
            long ranId, long ranRows, long playedId, long playedRows) throws Exception {
        given().baseUri(accounts.games()).get("/api/v1/games/" + ran).then().statusCode(200)
                .body("gm_id", equalTo(leaver.id())).body("status", equalTo("open"))
                .body("player_ids", contains(stays.id()));
        given().baseUri(accounts.games()).queryParam("gm_id", leaver.id()).get("/api/v1/games").then()
                .statusCode(200).body("items.slug", contains(ran));
        given().baseUri(accounts.games()).get("/api/v1/games/" + played).then().statusCode(200)
                .body("player_ids", contains(stays.id()));
        stays.on(accounts.games()).queryParam("player_id", "me").get("/api/v1/games").then().statusCode(200)
                .body("items.slug", hasItem(ran));
        assertEquals(1, badges(stays.id()).size());
        assertEquals(1, accounts.count("games", "SELECT count(*) FROM game_poll_answer WHERE user_id = ?", stays.id()));
        assertEquals(1, badges(otherGm.id()).size());
        // The timelines keep every row (action and time), the erased user's without its id.
        assertEquals(ranRows, accounts.count("audit", "SELECT count(*) FROM game_event WHERE game_id = ?", ranId));
        assertEquals(playedRows, accounts.count("audit", "SELECT count(*) FROM game_event WHERE game_id = ?",
                playedId));
        assertEquals(1, accounts.count("audit", "SELECT count(*) FROM game_event WHERE game_id = ? AND user_id = ?"
                + " AND action = 'register'", playedId, stays.id()));
        otherGm.on(accounts.audit()).get("/api/v1/games/" + playedId + "/events").then().statusCode(200)
                .body("items.user_id", hasItem(stays.id()));
        given().baseUri(accounts.users).header("Authorization", "Bearer " + stays.token())
                .get("/api/v1/users/me").then().statusCode(200).body("username", equalTo(stays.username()));
        given().baseUri(accounts.trophies()).get("/api/v1/users/" + leaver.id() + "/badges").then()
                .body("$", empty());
    }

    private static void assertNoSecret(String where, String text, Account account, String apiToken) {
        assertFalse(text.contains(Accounts.PASSWORD), where + " holds the password");
        assertFalse(text.contains(account.refreshToken()), where + " holds a refresh token");
        assertFalse(text.contains(account.token()), where + " holds an access token");
        assertFalse(text.contains(apiToken.substring(4)), where + " holds an API token");
        assertFalse(text.contains("$2a$") || text.contains("$2b$") || text.contains("$argon2"),
                where + " holds a password hash");
    }

    /** Reads questmaster.user-events from its start to its current end and produces every record again, in order. */
    private static List<ConsumerRecord<byte[], byte[]>> replayUserEvents() {
        Properties props = new Properties();
        props.put("bootstrap.servers", accounts.suite.stack.bootstrapServers());
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.USER_EVENTS).stream()
                    .map(p -> new TopicPartition(Topics.USER_EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read questmaster.user-events to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", accounts.suite.stack.bootstrapServers());
        producerProps.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : all) {
                producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
        }
        return all;
    }
}
