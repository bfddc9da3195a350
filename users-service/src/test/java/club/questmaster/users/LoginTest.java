package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LoginTest {

    @Inject
    AgroalDataSource db;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void loginAnswersATokenPairWithTheContractClaims() throws Exception {
        String username = Api.uniqueName("gm");
        String id = Api.createUser(username, "player", "gm");

        Response response = Api.login(username.toUpperCase(), Api.PASSWORD);
        response.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue());
        String token = response.path("access_token");
        JsonNode header = json.readTree(Api.jwtPart(token, 0));
        JsonNode claims = json.readTree(Api.jwtPart(token, 1));
        assertEquals("RS256", header.get("alg").asText());
        assertTrue(header.hasNonNull("kid"), "kid header");
        assertEquals("questmaster", claims.get("iss").asText());
        assertEquals("questmaster", claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText());
        assertEquals(id, claims.get("sub").asText());
        assertEquals(username, claims.get("preferred_username").asText());
        assertEquals(username, claims.get("name").asText());
        assertEquals(900, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertTrue(claims.hasNonNull("jti"));
        List<String> groups = new ArrayList<>();
        claims.get("groups").forEach(g -> groups.add(g.asText()));
        assertEquals(List.of("gm", "player"), groups.stream().sorted().toList());

        // The token works here (and, signed with the suite key, everywhere).
        given().header("Authorization", Api.bearer(token)).when().get("/api/v1/users/me").then()
                .statusCode(200).body("id", equalTo(id)).body("roles", containsInAnyOrder("player", "gm"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401BodyAndTiming() {
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        String wrongBody = null;
        String unknownBody = null;
        for (int u = 0; u < 3; u++) {
            String username = Api.uniqueName("timing");
            Api.createUser(username, "player");
            for (int i = 0; i < 4; i++) { // four failures: below the lockout
                long start = System.nanoTime();
                Response r = Api.login(username, "Not-The-Password-" + i);
                wrong.add(System.nanoTime() - start);
                r.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
                wrongBody = r.asString();

                start = System.nanoTime();
                r = Api.login(Api.uniqueName("nobody"), "Not-The-Password-" + i);
                unknown.add(System.nanoTime() - start);
                r.then().statusCode(401);
                unknownBody = r.asString();
            }
        }
        assertEquals(wrongBody, unknownBody, "same body either way");
        Collections.sort(unknown);
        Collections.sort(wrong);
        long medianGapMs = Math.abs(unknown.get(6) - wrong.get(6)) / 1_000_000;
        // Both paths verify one bcrypt hash of the same cost and run the same locking read; the bcrypt cost itself
        // (12 in production) is compared in LoginLoadBenchmark. Here: no path is markedly cheaper.
        assertTrue(medianGapMs < 60, "median timing gap " + medianGapMs + " ms");
    }

    @Test
    void fiveFailuresInARowLockTheAccountAndTheLockExpires() throws Exception {
        String username = Api.uniqueName("lock");
        String id = Api.createUser(username, "player");

        for (int i = 0; i < 5; i++) {
            Api.login(username, "wrong-password-" + i).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        }
        // Locked: even the right password is refused, with Retry-After.
        Response locked = Api.login(username, Api.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("ACCOUNT_LOCKED"));
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertTrue(retryAfter > 890 && retryAfter <= 900, "Retry-After " + retryAfter);

        // The lock expires (moved into the past instead of waiting 15 minutes).
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE login_failure SET locked_until = now() - interval '1 second' WHERE user_id = ?")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        Api.login(username, Api.PASSWORD).then().statusCode(200);
        // A success resets the count: four more failures do not lock.
        for (int i = 0; i < 4; i++) {
            Api.login(username, "wrong-again-" + i).then().statusCode(401);
        }
        Api.login(username, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void aBannedUserCannotLogIn() {
        String username = Api.uniqueName("banned");
        String id = Api.createUser(username, "player");
        given().header("Authorization", Api.bearer(Api.superuserToken())).contentType(ContentType.JSON)
                .body(Map.of("reason", "spam")).when().post("/api/v1/admin/users/" + id + "/ban").then().statusCode(200);

        Api.login(username, Api.PASSWORD).then().statusCode(403).body("code", equalTo("ACCOUNT_BANNED"));
        // A wrong password still answers 401: a ban is only revealed to whoever knows the password.
        Api.login(username, "wrong-password").then().statusCode(401);
    }

    @Test
    void badLoginBodiesAre400AndSqlLookingInputIsJustAWrongLogin() {
        for (String body : List.of("{", "[]", "\"text\"", "{\"username\":1,\"password\":[]}", "{\"username\":\"a\"}",
                "{\"username\":\"a\",\"password\":\"b\",\"extra\":true}", "{\"username\":null,\"password\":\"x\"}")) {
            given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/login").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).when().post("/api/v1/auth/login").then().statusCode(400);
        Api.login("admin' OR '1'='1", "' OR 1=1; --").then().statusCode(401);
        Api.login("admin'; DROP TABLE app_user; --", "x").then().statusCode(401);
        // ...and the superuser still logs in.
        Api.login(Api.SUPERUSER, Api.SUPERUSER_PASSWORD).then().statusCode(200)
                .body("expires_in", greaterThan(0)).body("expires_in", lessThanOrEqualTo(900));
    }
}
