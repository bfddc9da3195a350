package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind on every endpoint that takes input: the contract's 4xx in problem+json, never a 500, and
 * nothing changes (no account, no event, no token, the target untouched).
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    @Inject
    AgroalDataSource db;

    private static final List<String> BAD_BODIES = List.of(
            "{",                                               // malformed JSON
            "not json at all",
            "[1,2,3]",                                         // wrong shape
            "{\"username\":123,\"password\":true,\"roles\":\"admin\"}", // wrong types
            "{\"name\":{\"nested\":1}}",
            "{\"name\":123,\"username\":true,\"password\":12345678,\"reason\":false,\"refresh_token\":1,\"discord_access_token\":2}",
            "{\"roles\":[\"player\",\"wizard\"]}",             // unknown role
            "{\"unknown_field\":1}",                           // unknown field
            "{\"username\":\"x\",\"password\":\"yyyyyyyyy\",\"roles\":[],\"is_admin\":true}",
            "{\"name\":\"'); DROP TABLE app_user; --\",\"roles\":[\"superuser\"],\"password\":\"x\"}",
            "{\"not_player_as_of\":\"2026-13-45T99:00\"}",
            "{\"reason\":" + "\"" + "r".repeat(501) + "\"}");

    private long count(String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Response send(String method, String path, String token, String body, String contentType) {
        var request = given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        if (token != null) {
            request = request.header("Authorization", Api.bearer(token));
        }
        return request.request(method, path);
    }

    @Test
    void badBodiesOnEveryEndpointAre4xxAndChangeNothing() throws Exception {
        String su = Api.superuserToken();
        String target = Api.createUser(Api.uniqueName("target"), "player");
        String before = given().header("Authorization", Api.bearer(su)).get("/api/v1/admin/users/" + target).asString();
        long users = count("app_user");
        long events = count("outbox_event");
        long tokens = count("refresh_token");

        String[][] endpoints = {
                {"POST", "/api/v1/admin/users"},
                {"PATCH", "/api/v1/admin/users/" + target},
                {"POST", "/api/v1/admin/users/" + target + "/ban"},
                {"POST", "/api/v1/auth/login"},
                {"POST", "/api/v1/auth/refresh"},
                {"POST", "/api/v1/auth/logout"},
                {"POST", "/api/v1/auth/discord"}};
        for (String[] endpoint : endpoints) {
            String token = endpoint[1].startsWith("/api/v1/admin") ? su : null;
            for (String body : BAD_BODIES) {
                Response r = send(endpoint[0], endpoint[1], token, body, "application/json");
                int status = r.statusCode();
                boolean acceptable = status == 400;
                assertTrue(acceptable, endpoint[0] + " " + endpoint[1] + " with " + body + " answered " + status
                        + ": " + r.asString());
                r.then().contentType("application/problem+json");
            }
            // Oversize body: 413 before anything is read.
            String big = "{\"username\":\"" + "a".repeat(70 * 1024) + "\"}";
            send(endpoint[0], endpoint[1], token, big, "application/json").then().statusCode(413)
                    .body("code", equalTo("PAYLOAD_TOO_LARGE"));
            // Wrong media type.
            Response xml = send(endpoint[0], endpoint[1], token, "<user/>", "application/xml");
            assertTrue(xml.statusCode() == 415 || xml.statusCode() == 400, endpoint[1] + " xml " + xml.statusCode());
        }

        assertEquals(users, count("app_user"), "no account created");
        assertEquals(events, count("outbox_event"), "no event written");
        assertEquals(tokens, count("refresh_token"), "no token issued");
        assertEquals(before, given().header("Authorization", Api.bearer(su)).get("/api/v1/admin/users/" + target)
                .asString(), "target untouched");
    }

    @Test
    void scalarsOfTheWrongTypeAre400RatherThanCoerced() throws Exception {
        String su = Api.superuserToken();
        String target = Api.createUser(Api.uniqueName("types"), "player");
        long users = count("app_user");
        long events = count("outbox_event");
        String[][] cases = {
                {"POST", "/api/v1/auth/login", null, "{\"username\":123,\"password\":\"Correct-Horse-42\"}"},
                {"POST", "/api/v1/auth/login", null, "{\"username\":\"admin\",\"password\":12345678}"},
                {"POST", "/api/v1/auth/discord", null, "{\"discord_access_token\":2}"},
                {"POST", "/api/v1/admin/users", su, "{\"username\":\"abc12\",\"password\":\"Correct-Horse-42\",\"roles\":\"player\"}"},
                {"POST", "/api/v1/admin/users", su, "{\"username\":true,\"password\":\"Correct-Horse-42\",\"roles\":[]}"},
                {"POST", "/api/v1/admin/users", su, "{\"username\":\"abc12\",\"password\":\"Correct-Horse-42\",\"roles\":[1]}"},
                {"PATCH", "/api/v1/admin/users/" + target, su, "{\"name\":123}"},
                {"PATCH", "/api/v1/admin/users/" + target, su, "{\"password\":12345678}"},
                {"PATCH", "/api/v1/admin/users/" + target, su, "{\"roles\":null}"},
                {"PATCH", "/api/v1/admin/users/" + target, su, "{\"name\":null}"},
                {"PATCH", "/api/v1/admin/users/" + target, su, "{\"not_player_as_of\":17}"},
                {"POST", "/api/v1/admin/users/" + target + "/ban", su, "{\"reason\":false}"}};
        for (String[] c : cases) {
            Response r = send(c[0], c[1], c[2], c[3], "application/json");
            assertEquals(400, r.statusCode(), c[0] + " " + c[1] + " " + c[3] + " -> " + r.asString());
            r.then().contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
        }
        assertEquals(users, count("app_user"));
        assertEquals(events, count("outbox_event"));
        given().header("Authorization", Api.bearer(su)).get("/api/v1/admin/users/" + target).then().statusCode(200)
                .body("banned", equalTo(false)).body("roles", contains("player"));
    }

    @Test
    void forgedTokensCannotReachAdminEndpoints() throws Exception {
        String su = Api.superuserToken();
        String target = Api.createUser(Api.uniqueName("forged"), "player");
        long events = count("outbox_event");

        // The superuser's real token with the payload edited (signature no longer matches).
        String[] parts = su.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + b64.encodeToString(payload.replace("\"admin\"", "\"admin2\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String algNone = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1]
                + ".";
        String wrongIssuer = Tokens.claims(Tokens.newUserId(), "evil", "superuser").issuer("evil").sign();
        for (String forged : List.of(tampered, algNone, wrongIssuer, "garbage", "")) {
            given().header("Authorization", "Bearer " + forged).contentType(ContentType.JSON)
                    .body("{\"reason\":\"x\"}").post("/api/v1/admin/users/" + target + "/ban").then()
                    .statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
            given().header("Authorization", "Bearer " + forged).delete("/api/v1/admin/users/" + target).then()
                    .statusCode(401);
        }
        assertEquals(events, count("outbox_event"));
        given().header("Authorization", Api.bearer(su)).get("/api/v1/admin/users/" + target).then()
                .statusCode(200).body("banned", equalTo(false));
    }

    @Test
    void pathIdsThatAreNotUserIdsAre404() {
        String su = Api.superuserToken();
        for (String id : List.of("abc", "1", "1%27%20OR%201=1", "123456789012345678901234")) {
            given().header("Authorization", Api.bearer(su)).get("/api/v1/admin/users/" + id).then().statusCode(404);
            given().header("Authorization", Api.bearer(su)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                    .patch("/api/v1/admin/users/" + id).then().statusCode(404);
            given().header("Authorization", Api.bearer(su)).delete("/api/v1/admin/users/" + id).then()
                    .statusCode(anyOf(equalTo(404)));
        }
        given().header("Authorization", Api.bearer(su)).contentType(ContentType.JSON)
                .body("{\"roles\":[\"player\"]}").patch("/api/v1/admin/users/99999999999999999999").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", Api.bearer(su)).get("/api/v1/users/me").then().statusCode(200)
                .body("roles", contains("superuser"));
    }
}
