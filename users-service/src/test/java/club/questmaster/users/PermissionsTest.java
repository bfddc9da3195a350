package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** api.md §8: delegated permissions, granted under the role hierarchy, in the user object, the JWT and the events. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class PermissionsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ObjectMapper json;

    private static Response put(Api.Account actor, String id, List<String> permissions) {
        return given().header("Authorization", actor.auth()).contentType(ContentType.JSON)
                .body(Map.of("permissions", permissions)).put("/api/v1/admin/users/" + id + "/permissions");
    }

    @Test
    void anAdminDelegatesPermissionsCarriedByTheUserObjectTheEventAndTheJwt() throws Exception {
        Api.Account admin = Api.account("padm", "player", "admin");
        Api.Account gm = Api.account("pgm", "player", "gm");
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            put(admin, gm.id(), List.of("view_audit", "manage_reference_data", "view_audit")).then().statusCode(200)
                    .body("permissions", contains("manage_reference_data", "view_audit"));
            UserEventData data = json.readValue(probe.await(KafkaProbe.type(UserEventData.Types.PERMISSIONS_CHANGED)
                    .and(KafkaProbe.subject(gm.id())), 1, WAIT).get(0).value(), UserEventData.class);
            assertEquals(List.of("manage_reference_data", "view_audit"), data.permissions());
            assertEquals(admin.id(), data.actorId());
            assertEquals(gm.username(), data.username());
            // The same set again changes nothing and publishes nothing.
            put(admin, gm.id(), List.of("manage_reference_data", "view_audit")).then().statusCode(200);
            assertEquals(1, probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(KafkaProbe.type(UserEventData.Types.PERMISSIONS_CHANGED)).count());
        }
        given().header("Authorization", gm.auth()).get("/api/v1/users/me").then()
                .body("permissions", contains("manage_reference_data", "view_audit"));
        String jwt = Api.accessToken(gm.username(), Api.PASSWORD);
        assertEquals("[\"manage_reference_data\",\"view_audit\"]",
                json.readTree(Api.jwtPart(jwt, 1)).get("permissions").toString());

        put(admin, gm.id(), List.of()).then().statusCode(200).body("permissions", empty());
        assertEquals("[]", json.readTree(Api.jwtPart(Api.accessToken(gm.username(), Api.PASSWORD), 1))
                .get("permissions").toString());
    }

    @Test
    void permissionsFollowTheHierarchyAndTheList() {
        Api.Account admin = Api.account("padm2", "player", "admin");
        Api.Account otherAdmin = Api.account("padm3", "player", "admin");
        Api.Account gm = Api.account("pgm2", "player", "gm");
        put(admin, otherAdmin.id(), List.of("view_audit")).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        put(admin, admin.id(), List.of("view_audit")).then().statusCode(403);
        put(gm, Api.account("ppl", "player").id(), List.of("view_audit")).then().statusCode(403);
        put(admin, gm.id(), List.of("launch_missiles")).then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("permissions"));
        put(admin, "12345678901234567", List.of()).then().statusCode(404);
        given().header("Authorization", admin.auth()).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/admin/users/" + gm.id() + "/permissions").then().statusCode(400);
        given().header("Authorization", gm.auth()).get("/api/v1/users/me").then().body("permissions", empty());
    }
}
