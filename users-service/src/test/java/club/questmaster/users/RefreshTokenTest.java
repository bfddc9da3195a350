package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** api.md §2: rotating refresh tokens, reuse detection, logout. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RefreshTokenTest {

    private static Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/api/v1/auth/refresh");
    }

    private static String firstRefreshToken(String username) {
        return Api.login(username, Api.PASSWORD).then().statusCode(200).extract().path("refresh_token");
    }

    @Test
    void refreshRotatesAndTheOldTokenIsDead() {
        String username = Api.uniqueName("rot");
        String id = Api.createUser(username, "player");
        String first = firstRefreshToken(username);

        Response rotated = refresh(first);
        rotated.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900));
        String second = rotated.path("refresh_token");
        assertNotEquals(first, second);
        given().header("Authorization", Api.bearer(rotated.path("access_token"))).get("/api/v1/users/me").then()
                .statusCode(200).body("id", equalTo(id));

        String third = refresh(second).then().statusCode(200).extract().path("refresh_token");
        refresh(third).then().statusCode(200);
    }

    @Test
    void anExpiredAccessTokenSentAlongDoesNotBlockTheRefresh() {
        String username = Api.uniqueName("stale");
        Api.createUser(username, "player");
        String token = firstRefreshToken(username);
        String expired = club.questmaster.platform.testing.Tokens.claims("11111111111111111111", username, "player")
                .issuedAt(java.time.Instant.now().minusSeconds(3600))
                .expiresAt(java.time.Instant.now().minusSeconds(1800)).sign();
        given().header("Authorization", Api.bearer(expired)).contentType(ContentType.JSON)
                .body(Map.of("refresh_token", token)).post("/api/v1/auth/refresh").then().statusCode(200);
        given().header("Authorization", "Bearer garbage").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/v1/auth/login").then()
                .statusCode(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String username = Api.uniqueName("reuse");
        Api.createUser(username, "player");
        String stolen = firstRefreshToken(username);
        String legit = refresh(stolen).then().statusCode(200).extract().path("refresh_token");

        // The thief replays the rotated token: refused, and the family dies...
        refresh(stolen).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        // ...so the legitimate holder's current token is dead too.
        refresh(legit).then().statusCode(401);
        // Another login starts a new, healthy family.
        String fresh = firstRefreshToken(username);
        refresh(fresh).then().statusCode(200);
    }

    @Test
    void logoutRevokesTheToken() {
        String username = Api.uniqueName("bye");
        Api.createUser(username, "player");
        String token = firstRefreshToken(username);
        String other = firstRefreshToken(username);

        given().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/api/v1/auth/logout").then()
                .statusCode(204);
        refresh(token).then().statusCode(401);
        // Another session (another family) is untouched.
        refresh(other).then().statusCode(200);
        // Idempotent, and an unknown token gives nothing away.
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/api/v1/auth/logout").then()
                .statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "nope")).post("/api/v1/auth/logout").then()
                .statusCode(204);
    }

    @Test
    void badRefreshRequestsAreRefused() {
        refresh("garbage").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        refresh("' OR 1=1 --").then().statusCode(401);
        for (String body : new String[] {"{}", "{\"refresh_token\":\"\"}", "{\"refresh_token\":42}",
                "{\"refresh_token\":\"a\",\"x\":1}", "{", "{\"refresh_token\":\"" + "a".repeat(300) + "\"}"}) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/refresh").then().statusCode(400);
            given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/logout").then().statusCode(400);
        }
    }
}
