package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** api.md §8: one session per refresh-token family, listed and revoked by the owner and by admins (hierarchy). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class SessionsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ObjectMapper json;

    private static Response login(String username, String userAgent) {
        return given().contentType(ContentType.JSON).header("User-Agent", userAgent)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/v1/auth/login");
    }

    private String sid(String jwt) throws Exception {
        return json.readTree(Api.jwtPart(jwt, 1)).get("sid").asText();
    }

    private static Response sessions(String access) {
        return given().header("Authorization", Api.bearer(access)).get("/api/v1/users/me/sessions");
    }

    @Test
    void eachLoginIsASessionWithItsUserAgentAndTheCallersIsCurrent() throws Exception {
        String username = Api.uniqueName("sess");
        Api.createUser(username, "player");
        Response phone = login(username, "Phone/1.0");
        Response laptop = login(username, "Laptop/2.0");
        String phoneAccess = phone.path("access_token");
        String phoneSid = sid(phoneAccess);
        assertNotEquals(phoneSid, sid(laptop.path("access_token")));

        List<Map<String, Object>> listed = sessions(phoneAccess).then().statusCode(200).body("$", hasSize(2))
                .extract().path("$");
        Map<String, Object> current = listed.stream().filter(s -> s.get("id").equals(phoneSid)).findFirst().orElseThrow();
        assertEquals(true, current.get("current"));
        assertEquals("Phone/1.0", current.get("user_agent"));
        Map<String, Object> other = listed.stream().filter(s -> !s.get("id").equals(phoneSid)).findFirst().orElseThrow();
        assertEquals(false, other.get("current"));
        assertEquals("Laptop/2.0", other.get("user_agent"));
        assertFalse(sessions(phoneAccess).asString().contains((String) phone.path("refresh_token")));
    }

    @Test
    void aRefreshStaysInItsSessionAndMovesItsLastUse() throws Exception {
        String username = Api.uniqueName("sessr");
        Api.createUser(username, "player");
        Response first = login(username, "Bot/1");
        String sid = sid(first.path("access_token"));
        String before = sessions(first.path("access_token")).path("[0].last_used_at");
        Response rotated = given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", first.path("refresh_token"))).post("/api/v1/auth/refresh");
        rotated.then().statusCode(200);
        assertEquals(sid, sid(rotated.path("access_token")));
        String after = sessions(rotated.path("access_token")).then().body("$", hasSize(1)).extract()
                .path("[0].last_used_at");
        assertTrue(OffsetDateTime.parse(after).isAfter(OffsetDateTime.parse(before)));
    }

    @Test
    void revokingASessionKillsItsRefreshTokenAndPublishesItsSid() throws Exception {
        String username = Api.uniqueName("kick");
        String id = Api.createUser(username, "player");
        Response keep = login(username, "Keep");
        Response kicked = login(username, "Kicked");
        String kickedSid = sid(kicked.path("access_token"));
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            given().header("Authorization", Api.bearer(keep.path("access_token")))
                    .delete("/api/v1/users/me/sessions/" + kickedSid).then().statusCode(204);
            ConsumerRecord<String, String> record = probe.await(KafkaProbe.type(UserEventData.Types.SESSION_REVOKED)
                    .and(KafkaProbe.subject(id)), 1, WAIT).get(0);
            UserEventData data = json.readValue(record.value(), UserEventData.class);
            assertEquals(kickedSid, data.sessionId());
            assertEquals(id, data.userId());
        }
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", kicked.path("refresh_token")))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        sessions(keep.path("access_token")).then().body("$", hasSize(1))
                .body("[0].id", equalTo(sid(keep.path("access_token"))));
        given().header("Authorization", Api.bearer(keep.path("access_token")))
                .delete("/api/v1/users/me/sessions/" + kickedSid).then().statusCode(404);
        given().header("Authorization", Api.bearer(keep.path("access_token")))
                .delete("/api/v1/users/me/sessions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aLogoutEndsTheSessionAndPublishesIt() throws Exception {
        String username = Api.uniqueName("lout");
        String id = Api.createUser(username, "player");
        Response login = login(username, "Out");
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            given().contentType(ContentType.JSON).body(Map.of("refresh_token", login.path("refresh_token")))
                    .post("/api/v1/auth/logout").then().statusCode(204);
            UserEventData data = json.readValue(probe.await(KafkaProbe.type(UserEventData.Types.SESSION_REVOKED)
                    .and(KafkaProbe.subject(id)), 1, WAIT).get(0).value(), UserEventData.class);
            assertEquals(sid(login.path("access_token")), data.sessionId());
        }
    }

    @Test
    void adminsListAndKickTheSessionsOfUsersTheyManageOnly() throws Exception {
        Api.Account admin = Api.account("sadm", "player", "admin");
        Api.Account otherAdmin = Api.account("sadm2", "player", "admin");
        String username = Api.uniqueName("vict");
        String id = Api.createUser(username, "player");
        Response victim = login(username, "Victim");
        String victimSid = sid(victim.path("access_token"));

        given().header("Authorization", admin.auth()).get("/api/v1/admin/users/" + id + "/sessions").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(victimSid))
                .body("[0].current", equalTo(false));
        given().header("Authorization", admin.auth()).get("/api/v1/admin/users/" + otherAdmin.id() + "/sessions")
                .then().statusCode(403);
        given().header("Authorization", admin.auth())
                .delete("/api/v1/admin/users/" + otherAdmin.id() + "/sessions/" + sid(otherAdmin.token())).then()
                .statusCode(403);
        given().header("Authorization", Api.bearer(victim.path("access_token")))
                .get("/api/v1/admin/users/" + id + "/sessions").then().statusCode(403);

        given().header("Authorization", admin.auth()).delete("/api/v1/admin/users/" + id + "/sessions/" + victimSid)
                .then().statusCode(204);
        given().header("Authorization", admin.auth()).get("/api/v1/admin/users/" + id + "/sessions").then()
                .body("$", hasSize(0));
        given().header("Authorization", admin.auth()).get("/api/v1/admin/users/12345678901234567/sessions").then()
                .statusCode(404);
    }
}
