package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** users-service refuses a banned user's still-valid access token at once, from its own table. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class BannedTokenTest {

    @Test
    void aBannedUsersLiveTokenIsRefusedAtOnceAndTheirRefreshTokensAreDead() {
        String username = Api.uniqueName("live");
        String id = Api.createUser(username, "player");
        var pair = Api.login(username, Api.PASSWORD).then().statusCode(200).extract();
        String access = Api.bearer(pair.path("access_token"));
        String refresh = pair.path("refresh_token");
        given().header("Authorization", access).get("/api/v1/users/me").then().statusCode(200);

        given().header("Authorization", Api.bearer(Api.superuserToken())).contentType(ContentType.JSON)
                .body(Map.of("reason", "cheating")).post("/api/v1/admin/users/" + id + "/ban").then().statusCode(200);

        // Immediately, on the very next request (no waiting for the 1 s banned-ids reload).
        given().header("Authorization", access).get("/api/v1/users/me").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("ACCOUNT_BANNED"));
        given().header("Authorization", access).get("/api/v1/users/" + id).then().statusCode(403);
        // And the platform filter, which guards every endpoint, learns it within its reload tick.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("Authorization", access).get("/test-support/whoami").then().statusCode(403)
                        .body("code", equalTo("ACCOUNT_BANNED")));

        // The ban ended the session without revoking its sid: an unban lets its access token live out its minutes.
        given().header("Authorization", Api.bearer(Api.superuserToken())).post("/api/v1/admin/users/" + id + "/unban")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("Authorization", access).get("/api/v1/users/me").then().statusCode(200));
        // Its refresh token died with the ban; presenting it again is a replay: the session is revoked (§2, §8).
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/v1/auth/refresh")
                .then().statusCode(401);
        given().header("Authorization", access).get("/api/v1/users/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aDeletedUsersLiveTokenIsRefused() {
        String username = Api.uniqueName("gone");
        String id = Api.createUser(username, "player");
        String access = Api.bearer(Api.accessToken(username, Api.PASSWORD));
        given().header("Authorization", Api.bearer(Api.superuserToken())).delete("/api/v1/admin/users/" + id).then()
                .statusCode(204);
        given().header("Authorization", access).get("/api/v1/users/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
