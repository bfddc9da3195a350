package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** api.md §8: the export gathered from every service, and the erasure. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeDiscord.class, scope = TestResourceScope.GLOBAL)
class PrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    private static Response export(Api.Account account) {
        return given().header("Authorization", account.auth()).get("/api/v1/users/me/export");
    }

    /** What games-, trophies- and audit-service do when they see the request. */
    private static void answer(String exportId, String userId, String service, String data) {
        KafkaProbe.produce(Topics.PRIVACY_EXPORTS, exportId, "questmaster.privacy.export", "/questmaster/" + service,
                Map.of(), "{\"export_id\":\"" + exportId + "\",\"user_id\":\"" + userId + "\",\"service\":\""
                        + service + "\",\"data\":" + data + "}");
    }

    @Test
    void anExportIsPendingUntilEveryServiceAnsweredThenHasEverySection() throws Exception {
        Api.Account account = Api.account("exp", "player");
        String exportId;
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            Response first = export(account);
            first.then().statusCode(202).header("Retry-After", notNullValue()).body("status", equalTo("pending"))
                    .body("waiting_for", hasItems("audit-service", "games-service", "trophies-service"));
            exportId = first.path("export_id");
            ConsumerRecord<String, String> requested = probe.await(KafkaProbe.type(UserEventData.Types.EXPORT_REQUESTED)
                    .and(KafkaProbe.subject(account.id())), 1, WAIT).get(0);
            UserEventData data = json.readValue(requested.value(), UserEventData.class);
            assertEquals(exportId, data.exportId());
            assertEquals(account.id(), data.userId());
            assertEquals(account.username(), data.username());
        }
        // Asking again does not open a second export.
        assertEquals(exportId, export(account).then().statusCode(202).extract().path("export_id"));

        answer(exportId, account.id(), "games-service", "{\"games_run\":[],\"registrations\":[{\"game_id\":7}]}");
        answer(exportId, account.id(), "trophies-service", "{\"trophies\":[{\"trophy_id\":1,\"quantity\":2}]}");
        // An answer naming another user is not taken into this export.
        answer(exportId, "12345678901234567", "audit-service", "{\"events\":[\"foreign\"]}");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> export(account).then().statusCode(202)
                .body("waiting_for", equalTo(List.of("audit-service"))));
        answer(exportId, account.id(), "audit-service", "{\"events\":[]}");

        Response complete = untilComplete(account);
        complete.then().contentType(ContentType.JSON).body("export_id", equalTo(exportId))
                .body("user_id", equalTo(account.id()))
                .body("sections.users.account.id", equalTo(account.id()))
                .body("sections.users.account.username", equalTo(account.username()))
                .body("sections.users.sessions.size()", equalTo(1))
                .body("sections.games.registrations[0].game_id", equalTo(7))
                .body("sections.trophies.trophies[0].quantity", equalTo(2))
                .body("sections.audit.events.size()", equalTo(0));
        assertEquals(List.of("users", "games", "trophies", "audit"),
                List.copyOf(complete.jsonPath().getMap("sections").keySet()));
        assertFalse(complete.asString().contains("password"));
        assertFalse(complete.asString().contains("$2a$"));
        // Once delivered, the next call gathers a fresh export.
        assertTrue(!exportId.equals(export(account).then().statusCode(202).extract().path("export_id")));
    }

    static Response untilComplete(Api.Account account) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Response answer = export(account);
            if (answer.statusCode() == 200 || System.nanoTime() > deadline) {
                answer.then().statusCode(200);
                return answer;
            }
            answer.then().statusCode(202);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aLocalAccountIsErasedWithItsPasswordAndNothingPersonalIsLeftOrPublished() throws Exception {
        String username = Api.uniqueName("erase");
        String id = Api.createUser(username, "player", "gm");
        String access = Api.accessToken(username, Api.PASSWORD);
        given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON)
                .body(Map.of("name", "t", "scopes", List.of("games:read"), "expires_in_days", 3))
                .post("/api/v1/users/me/tokens").then().statusCode(201);
        given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON).body("{}")
                .delete("/api/v1/users/me").then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON)
                .body(Map.of("password", "Wrong-Horse-42")).delete("/api/v1/users/me").then().statusCode(403);
        Api.login(username, Api.PASSWORD).then().statusCode(200);
        // A failed login leaves this client's address in login_failure (the per-address lockout): personal data too.
        Api.login(username, "Wrong-Horse-42").then().statusCode(401);

        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON)
                    .body(Map.of("password", Api.PASSWORD)).delete("/api/v1/users/me").then().statusCode(204);
            ConsumerRecord<String, String> erased = probe.await(KafkaProbe.type(UserEventData.Types.ERASED)
                    .and(KafkaProbe.subject(id)), 1, WAIT).get(0);
            assertEquals(CloudEvents.USERS_SOURCE, KafkaProbe.header(erased, CloudEvents.SOURCE));
            UserEventData data = json.readValue(erased.value(), UserEventData.class);
            assertEquals(id, data.userId());
            assertTrue(data.deleted());
            assertFalse(erased.value().contains(username), erased.value());
        }
        Api.login(username, Api.PASSWORD).then().statusCode(401);
        given().header("Authorization", Api.bearer(access)).get("/api/v1/users/me").then().statusCode(401);

        var row = pool.preparedQuery("SELECT username, name, password_hash, avatar, roles, erased_at FROM app_user"
                + " WHERE id = $1").execute(Tuple.of(id)).await().indefinitely().iterator().next();
        assertEquals("erased", row.getString("username"));
        assertEquals("Utilisateur·rice supprimé·e", row.getString("name"));
        assertNull(row.getString("password_hash"));
        assertEquals("", row.getString("roles"));
        assertTrue(row.getValue("erased_at") != null);
        for (String table : List.of("user_session", "refresh_token", "api_token", "privacy_export",
                "login_failure")) {
            long left = pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE user_id = $1")
                    .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
            assertEquals(0, left, table);
        }
        long relayedSnapshots = pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE ce_subject = $1"
                + " AND sent_at IS NOT NULL AND payload LIKE $2").execute(Tuple.of(id, "%" + username + "%"))
                .await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, relayedSnapshots);
        // The username is free again.
        Api.createUser(username, "player");
    }


    @Test
    void aDiscordAccountIsErasedOnItsExplicitConfirmation() {
        String discordId = club.questmaster.platform.testing.Tokens.newUserId();
        String token = java.util.UUID.randomUUID().toString();
        FakeDiscord.user(token, new FakeDiscord.DiscordUser(discordId, "grace.h", "Grace", null));
        FakeDiscord.member(discordId, null, List.of(FakeDiscord.PLAYER_ROLE));
        String access = given().contentType(ContentType.JSON).body(Map.of("discord_access_token", token))
                .post("/api/v1/auth/discord").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON)
                .body(Map.of("confirm", "yes")).delete("/api/v1/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("confirm"));
        given().header("Authorization", Api.bearer(access)).contentType(ContentType.JSON)
                .body(Map.of("confirm", "DELETE")).delete("/api/v1/users/me").then().statusCode(204);
        given().header("Authorization", Api.bearer(access)).get("/api/v1/users/me").then().statusCode(401);
    }
}
