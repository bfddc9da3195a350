package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.users.auth.TokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** api.md §8: API tokens for bots: create (shown once, stored hashed), list, revoke, exchange for a scoped JWT. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ApiTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    static Response create(Api.Account owner, Map<String, Object> body) {
        return given().header("Authorization", owner.auth()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users/me/tokens");
    }

    static Response exchange(String secret) {
        return given().contentType(ContentType.JSON).body(Map.of("api_token", secret)).post("/api/v1/auth/token");
    }

    private JsonNode claims(String jwt) throws Exception {
        return json.readTree(Api.jwtPart(jwt, 1));
    }

    @Test
    void aCreatedTokenIsShownOnceStoredOnlyAsItsHashAndListedWithoutSecret() {
        Api.Account owner = Api.account("bot", "player");
        Response created = create(owner, Map.of("name", "calendar bot", "scopes", List.of("calendar:read",
                "games:read"), "expires_in_days", 30));
        created.then().statusCode(201).body("name", equalTo("calendar bot"))
                .body("scopes", contains("calendar:read", "games:read")).body("token", startsWith("qmp_"));
        String secret = created.path("token");
        long id = ((Number) created.path("id")).longValue();

        Row row = pool.preparedQuery("SELECT * FROM api_token WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
        assertEquals(TokenIssuer.hash(secret), row.getString("token_hash"));
        for (int i = 0; i < row.size(); i++) {
            assertFalse(String.valueOf(row.getValue(i)).contains(secret.substring(4)), "column " + row.getColumnName(i));
        }

        String listed = given().header("Authorization", owner.auth()).get("/api/v1/users/me/tokens").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo((int) id))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token"))).extract().asString();
        assertFalse(listed.contains(secret.substring(4)));
    }

    @Test
    void scopesLifetimeAndNameAreValidated() {
        Api.Account owner = Api.account("botv", "player");
        create(owner, Map.of("name", "x", "scopes", List.of("admin:all"), "expires_in_days", 30)).then()
                .statusCode(400).body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("scopes"));
        create(owner, Map.of("name", "x", "scopes", List.of(), "expires_in_days", 30)).then().statusCode(400);
        create(owner, Map.of("name", "x", "scopes", List.of("games:read"), "expires_in_days", 0)).then()
                .statusCode(400).body("errors[0].field", equalTo("expires_in_days"));
        create(owner, Map.of("name", "x", "scopes", List.of("games:read"), "expires_in_days", 366)).then()
                .statusCode(400).body("errors[0].field", equalTo("expires_in_days"));
        create(owner, Map.of("name", "x", "scopes", List.of("games:read"))).then().statusCode(400);
        create(owner, Map.of("name", "   ", "scopes", List.of("games:read"), "expires_in_days", 1)).then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        given().header("Authorization", owner.auth()).get("/api/v1/users/me/tokens").then().body("$", hasSize(0));
    }

    @Test
    void atMostTenLiveTokensPerUser() {
        Api.Account owner = Api.account("bot10", "player");
        Map<String, Object> body = Map.of("name", "t", "scopes", List.of("games:read"), "expires_in_days", 1);
        long last = 0;
        for (int i = 0; i < 10; i++) {
            last = ((Number) create(owner, body).then().statusCode(201).extract().path("id")).longValue();
        }
        create(owner, body).then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", owner.auth()).delete("/api/v1/users/me/tokens/" + last).then().statusCode(204);
        create(owner, body).then().statusCode(201);
    }

    @Test
    void theExchangeGivesAShortJwtWithTheOwnersSubScopeAndSid() throws Exception {
        Api.Account owner = Api.account("botx", "player", "gm");
        String secret = create(owner, Map.of("name", "b", "scopes", List.of("registrations:write", "games:read"),
                "expires_in_days", 7)).then().statusCode(201).extract().path("token");
        Response answer = exchange(secret);
        answer.then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("$", not(org.hamcrest.Matchers.hasKey("refresh_token")));
        JsonNode claims = claims(answer.path("access_token"));
        assertEquals(owner.id(), claims.get("sub").asText());
        assertEquals("games:read registrations:write", claims.get("scope").asText());
        assertTrue(claims.get("sid").asText().matches("[0-9a-f-]{36}"));
        assertTrue(claims.get("exp").asLong() - claims.get("iat").asLong() <= 900);
        assertTrue(((Number) answer.path("expires_in")).longValue() <= 900);
        // The same token gives JWTs of the same session, so one revocation refuses them all.
        assertEquals(claims.get("sid").asText(), claims(exchange(secret).path("access_token")).get("sid").asText());
    }

    @Test
    void aRevokedTokenCannotBeExchangedAndItsSessionRevocationIsPublished() throws Exception {
        Api.Account owner = Api.account("botr", "player");
        Response created = create(owner, Map.of("name", "b", "scopes", List.of("games:read"), "expires_in_days", 7));
        String secret = created.path("token");
        String sid = claims(exchange(secret).then().statusCode(200).extract().path("access_token")).get("sid").asText();
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            given().header("Authorization", owner.auth()).delete("/api/v1/users/me/tokens/" + created.path("id"))
                    .then().statusCode(204);
            ConsumerRecord<String, String> revoked = probe.await(KafkaProbe.type(UserEventData.Types.SESSION_REVOKED)
                    .and(KafkaProbe.subject(owner.id())), 1, WAIT).get(0);
            UserEventData data = json.readValue(revoked.value(), UserEventData.class);
            assertEquals(owner.id(), data.userId());
            assertEquals(sid, data.sessionId());
            assertFalse(revoked.value().contains(secret.substring(4)));
        }
        exchange(secret).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", owner.auth()).get("/api/v1/users/me/tokens").then().body("$", hasSize(0));
        given().header("Authorization", owner.auth()).delete("/api/v1/users/me/tokens/" + created.path("id"))
                .then().statusCode(404);
    }

    @Test
    void unknownMalformedAndOthersTokensAreRefused() {
        exchange("qmp_" + "A".repeat(43)).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        exchange("not-a-token").then().statusCode(401);
        Api.Account owner = Api.account("boto", "player");
        Api.Account other = Api.account("botp", "player");
        Object id = create(owner, Map.of("name", "b", "scopes", List.of("games:read"), "expires_in_days", 7))
                .path("id");
        given().header("Authorization", other.auth()).delete("/api/v1/users/me/tokens/" + id).then().statusCode(404);
        given().header("Authorization", other.auth()).delete("/api/v1/users/me/tokens/abc").then().statusCode(404);
    }

    @Test
    void aBannedOwnersTokenIsRefusedAtTheExchange() {
        Api.Account owner = Api.account("botb", "player");
        String secret = create(owner, Map.of("name", "b", "scopes", List.of("games:read"), "expires_in_days", 7))
                .path("token");
        given().header("Authorization", Api.bearer(Api.superuserToken())).contentType(ContentType.JSON)
                .body(Map.of("reason", "spam")).post("/api/v1/admin/users/" + owner.id() + "/ban").then().statusCode(200);
        exchange(secret).then().statusCode(403).body("code", equalTo("ACCOUNT_BANNED"));
    }

    /**
     * §8: a scoped JWT covers only the operations its scopes name, and no scope names an operation of users-service:
     * a bot cannot mint tokens, read or kick sessions, export or erase the account, or act as an admin.
     */
    @Test
    void aBotsJwtIsRefusedOnEveryAccountOperation() {
        Api.Account owner = Api.account("botu", "player", "gm", "admin");
        String secret = create(owner, Map.of("name", "b", "scopes", List.of("games:read", "games:write",
                "registrations:write", "calendar:read"), "expires_in_days", 7)).path("token");
        String bot = Api.bearer(exchange(secret).then().statusCode(200).extract().path("access_token"));
        given().header("Authorization", bot).contentType(ContentType.JSON)
                .body(Map.of("name", "c", "scopes", List.of("games:read"), "expires_in_days", 7))
                .post("/api/v1/users/me/tokens").then().statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        for (String path : List.of("/api/v1/users/me", "/api/v1/users/me/tokens", "/api/v1/users/me/sessions",
                "/api/v1/users/me/export", "/api/v1/admin/users")) {
            given().header("Authorization", bot).get(path).then().statusCode(403)
                    .body("code", equalTo("INSUFFICIENT_SCOPE"));
        }
        given().header("Authorization", bot).contentType(ContentType.JSON).body(Map.of("password", Api.PASSWORD))
                .delete("/api/v1/users/me").then().statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        // Nothing was created or erased.
        given().header("Authorization", owner.auth()).get("/api/v1/users/me/tokens").then().body("$", hasSize(1));
        given().header("Authorization", owner.auth()).get("/api/v1/users/me").then().statusCode(200);
    }

    /** A revoked token's JWTs are refused at users-service's next request already (its own tables, no projection). */
    @Test
    void aRevokedTokensJwtIsRefusedByUsersServiceAtOnce() {
        Api.Account owner = Api.account("botk", "player");
        Response created = create(owner, Map.of("name", "b", "scopes", List.of("games:read"), "expires_in_days", 7));
        String bot = Api.bearer(exchange(created.path("token")).then().statusCode(200).extract().path("access_token"));
        given().header("Authorization", bot).get("/api/v1/users/me").then().statusCode(403);
        given().header("Authorization", owner.auth()).delete("/api/v1/users/me/tokens/" + created.path("id"))
                .then().statusCode(204);
        given().header("Authorization", bot).get("/api/v1/users/me").then().statusCode(401);
    }
}
