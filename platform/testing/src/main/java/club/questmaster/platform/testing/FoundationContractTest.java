package club.questmaster.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rules of contract §1 that every service must keep, run against the service's real PostgreSQL and Kafka:
 * readiness (database and broker), metrics, an OpenAPI document a client can be generated from, the platform
 * settings listed in application.properties, problem+json errors, token verification (forged tokens of every kind
 * refused), the body limit, CORS, and the caller's authority: roles, delegated permissions, bans, deletion, erasure
 * and revoked sessions reaching the service through Kafka within 5 s, and bot scopes.
 *
 * <p>Each service has one {@code @QuarkusTest} subclass.
 */
public abstract class FoundationContractTest {

    private static final String WHOAMI = "/test-support/whoami";

    /** users-service owns the users and refuses banned tokens from its own table; the others learn it from Kafka. */
    protected boolean learnsBansFromUserEvents() {
        return true;
    }

    /**
     * Contract §6 "Readiness": without its database a service cannot answer, so readiness covers it; no check waits on
     * the broker (a broker outage must not take the API down, docs/consumers.md "Health").
     */
    @Test
    void readinessCoversTheDatabaseButNeverTheBroker() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database"))
                .body(org.hamcrest.Matchers.not(containsString("Kafka connection")));
    }

    @Test
    void servesPrometheusMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory"));
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    /**
     * The document is good enough to generate a client from (docs/openapi.md): every operation has a unique
     * operationId, a summary, a security requirement, a 2xx with a schema (or a 204), and problem+json 4xx answers.
     */
    @Test
    void everyOperationIsReadyForClientGeneration() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> problems = OpenApiChecks.problems(document);
        assertTrue(problems.isEmpty(), problems.size() + " operation(s) not ready for client generation "
                + "(docs/openapi.md):\n  " + String.join("\n  ", problems));
    }

    /**
     * A service's application.properties lists, as comments, every key it inherits from the platform's
     * META-INF/microprofile-config.properties files with its value (issue 11: its configuration reads in one file).
     */
    @Test
    void applicationPropertiesListTheKeysInheritedFromThePlatform() throws Exception {
        List<String> missing = PlatformConfig.unlisted(Thread.currentThread().getContextClassLoader());
        assertTrue(missing.isEmpty(), "application.properties does not list (as \"#   key=value\" comment lines, "
                + "under \"Inherited from the platform\") these platform settings:\n#   "
                + String.join("\n#   ", missing));
    }

    @Test
    void unknownPathIsAProblemJson404() {
        given().when().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"))
                .body("status", equalTo(404));
    }

    @Test
    void aValidTokenIsAccepted() {
        String id = Tokens.newUserId();
        given().header("Authorization", Tokens.bearer(Tokens.of(id, "alice", Role.PLAYER_NAME)))
                .when().get(WHOAMI).then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().when().get(WHOAMI).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void forgedTokensOfEveryKindAreRefused() throws Exception {
        String id = Tokens.newUserId();
        String valid = Tokens.of(id, "mallory", Role.PLAYER_NAME);
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        String algNone = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        String hsHeader = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] publicKey = FoundationContractTest.class.getResourceAsStream("/questmaster-test-keys/public.pem")
                .readAllBytes();
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String hsSignedWithPublicKey = hsHeader + "." + parts[1] + "."
                + b64.encodeToString(mac.doFinal((hsHeader + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
        String tampered = parts[0] + "." + b64.encodeToString(payload.replace("\"player\"", "\"superuser\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Instant past = Instant.now().minusSeconds(7200);
        String expired = Tokens.claims(id, "mallory", Role.PLAYER_NAME).issuedAt(past).expiresAt(past.plusSeconds(900))
                .sign();
        String wrongIssuer = Tokens.claims(id, "mallory", Role.PLAYER_NAME).issuer("https://evil.example").sign();
        String wrongAudience = Tokens.claims(id, "mallory", Role.PLAYER_NAME).audience("someone-else").sign();

        // The valid token first: its verification is then remembered, and none of its forgeries may ride on that.
        given().header("Authorization", Tokens.bearer(valid)).when().get(WHOAMI).then().statusCode(200);
        for (String forged : List.of(algNone, hsSignedWithPublicKey, tampered, expired, wrongIssuer, wrongAudience,
                "not-a-jwt")) {
            given().header("Authorization", Tokens.bearer(forged)).when().get(WHOAMI).then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
    }

    @Test
    void dateTimesWithoutOffsetAreReadInTheCommunityZoneAndAnswersCarryItsOffset() {
        given().contentType("application/json").body("{\"at\":\"2026-01-10T20:30\"}")
                .when().post("/test-support/time").then()
                .statusCode(200).body("at", equalTo("2026-01-10T20:30:00+01:00"));
        given().contentType("application/json").body("{\"at\":\"2026-07-10T18:30:00Z\"}")
                .when().post("/test-support/time").then()
                .statusCode(200).body("at", equalTo("2026-07-10T20:30:00+02:00"));
        given().when().get("/test-support/time?at=2026-01-10T20:30").then()
                .statusCode(200).body("at", equalTo("2026-01-10T20:30:00+01:00"));
    }

    @Test
    void badDateTimesAreA400InTheBodyAndInTheQuery() {
        given().contentType("application/json").body("{\"at\":\"next tuesday\"}")
                .when().post("/test-support/time").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("at"));
        given().when().get("/test-support/time?at=2025-13-45").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreA400() {
        given().contentType("application/json").body("{\"at\":")
                .when().post("/test-support/time").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"at\":\"2026-01-10T20:30\",\"evil\":1}")
                .when().post("/test-support/time").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("evil"));
    }

    @Test
    void scalarsOfTheWrongTypeAreA400NotSilentlyConverted() {
        given().contentType("application/json").body("{\"at\":20260110}")
                .when().post("/test-support/time").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
    }

    private static final String HOSTILE = "/test-support/hostile";

    private static void refused(String body, String field) {
        given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(HOSTILE).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo(field));
    }

    @Test
    void hostileBodiesAreA400NamingTheFieldAtAnyDepth() {
        given().contentType("application/json").body("{\"name\":\"ok\",\"count\":1,\"flag\":true,"
                + "\"tags\":[\"a\"],\"scores\":{\"x\":1},\"inner\":{\"label\":\"l\",\"children\":[]}}")
                .when().post(HOSTILE).then().statusCode(200).body("inner.label", equalTo("l"));
        refused("{\"name\":\"a\\u0000b\"}", "name");
        refused("{\"tags\":[\"ok\",\"\\u0000\"]}", "tags[1]");
        refused("{\"inner\":{\"children\":[{\"label\":\"x\\u0000\"}]}}", "inner.children[0].label");
        refused("{\"scores\":{\"k\\u0000\":1}}", "scores");
        refused("{\"count\":null,\"flag\":true}", "count");
        refused("{\"count\":1,\"flag\":null}", "flag");
        refused("{\"count\":99999999999999999999}", "count");
        refused("{\"count\":[1]}", "count");
        refused("{\"name\":[\"a\"]}", "name");
        refused("{\"inner\":{\"label\":{\"deep\":1}}}", "inner.label");
        refused("{\"scores\":{\"k\":\"1\"}}", "scores.k");
    }

    @Test
    void nestingDeeperThan32IsA400() {
        String deep = "{\"inner\":" + "{\"children\":[".repeat(20) + "]}".repeat(20) + "}";
        given().contentType("application/json").body(deep).when().post(HOSTILE).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
        String arrays = "[".repeat(5000) + "]".repeat(5000);
        given().contentType("application/json").body(arrays).when().post(HOSTILE).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void nulInAQueryOrPathParameterIsA400NamingIt() {
        given().urlEncodingEnabled(false).when().get(HOSTILE + "?q=%00").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).when().get(HOSTILE + "/a%00b").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).when().get(HOSTILE + "?q=caf%C3%A9").then().statusCode(200)
                .body("q", equalTo("café"));
    }

    @Test
    void bodiesOver64KiBAreRefusedWith413() {
        String big = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";
        given().contentType("application/json").body(big).when().post(WHOAMI).then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .when().options(WHOAMI).then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options(WHOAMI).then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }

    @Test
    void aBannedUsersLiveTokenIsRefusedWithinFiveSecondsAndAcceptedAgainAfterUnban() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service owns bans itself");
        String id = Tokens.newUserId();
        String token = Tokens.bearer(Tokens.of(id, "banme", Role.PLAYER_NAME));
        UserEvents.created(id, "banme", Role.PLAYER_NAME);
        given().header("Authorization", token).when().get(WHOAMI).then().statusCode(200);

        Instant banned = Instant.now();
        UserEvents.publish(UserEventData.Types.BANNED, id, "banme", true, List.of(Role.PLAYER_NAME));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", token).when().get(WHOAMI).then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("code", equalTo("ACCOUNT_BANNED")));
        System.out.printf("ban reached the service in %d ms%n", Duration.between(banned, Instant.now()).toMillis());

        UserEvents.publish(UserEventData.Types.UNBANNED, id, "banme", false, List.of(Role.PLAYER_NAME));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", token).when().get(WHOAMI).then().statusCode(200));
    }

    // ---- authority (contract §6 "Authority", §8): the projection decides, not the token -------------------------

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private static void awaitWithinFiveSeconds(String what, Runnable assertion) {
        Instant start = Instant.now();
        Awaitility.await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
        System.out.printf("%s reached the service in %d ms%n", what, Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    void aDemotedAdminIsHeldToTheProjectionsRolesWithinFiveSecondsWhateverTheTokenClaims() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service reads its own users");
        String id = Tokens.newUserId();
        String token = Tokens.bearer(Tokens.of(id, "demoted", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME));
        UserEvents.created(id, "demoted", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
        awaitWithinFiveSeconds("creation", () -> given().header("Authorization", token).when().get(WHOAMI).then()
                .statusCode(200).body("roles", contains("player", "gm", "admin")));

        UserEvents.publish(UserEventData.Types.UPDATED, id, "demoted", false, List.of(Role.PLAYER_NAME));
        awaitWithinFiveSeconds("demotion", () -> given().header("Authorization", token).when().get(WHOAMI).then()
                .statusCode(200).body("roles", contains("player")));
    }

    @Test
    void delegatedPermissionsComeFromTheProjectionAndAV1SnapshotKeepsThem() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service reads its own users");
        String id = Tokens.newUserId();
        String token = Tokens.bearer(Tokens.claims(id, "delegate", Role.PLAYER_NAME)
                .claim("permissions", List.of("view_audit", "manage_trophies")).sign());
        given().header("Authorization", token).when().get(WHOAMI).then().statusCode(200)
                .body("permissions", contains("manage_trophies", "view_audit"));

        UserEvents.snapshot(UserEventData.Types.PERMISSIONS_CHANGED, id, "delegate", false,
                List.of(Role.PLAYER_NAME), List.of("manage_trophies"), OffsetDateTime.now(ZoneOffset.UTC));
        awaitWithinFiveSeconds("a permission change", () -> given().header("Authorization", token).when().get(WHOAMI)
                .then().statusCode(200).body("permissions", contains("manage_trophies")));

        // A v1 producer's snapshot (no permissions field) promotes the user: the permissions stay as they were.
        UserEvents.publish(UserEventData.Types.UPDATED, id, "delegate", false,
                List.of(Role.PLAYER_NAME, Role.GM_NAME));
        awaitWithinFiveSeconds("a v1 snapshot", () -> given().header("Authorization", token).when().get(WHOAMI)
                .then().statusCode(200).body("roles", contains("player", "gm"))
                .body("permissions", contains("manage_trophies")));
    }

    @Test
    void aDeletedUsersLiveTokenIsRefusedWithinFiveSeconds() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service reads its own users");
        String id = Tokens.newUserId();
        String token = Tokens.bearer(Tokens.of(id, "deleteme", Role.PLAYER_NAME));
        UserEvents.created(id, "deleteme", Role.PLAYER_NAME);
        given().header("Authorization", token).when().get(WHOAMI).then().statusCode(200);

        UserEvents.publish(UserEventData.Types.DELETED, id, "deleteme", false, List.of(Role.PLAYER_NAME));
        awaitWithinFiveSeconds("deletion", () -> given().header("Authorization", token).when().get(WHOAMI).then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED")));
    }

    @Test
    void anErasedUsersTokenIsRefusedAndAReplayOfTheirOldEventsBringsNothingBack() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service reads its own users");
        String id = Tokens.newUserId();
        String token = Tokens.bearer(Tokens.of(id, "eraseme", Role.PLAYER_NAME));
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC);
        UserEvents.created(id, "eraseme", Role.PLAYER_NAME);
        given().header("Authorization", token).when().get(WHOAMI).then().statusCode(200);

        UserEvents.erased(id);
        awaitWithinFiveSeconds("erasure", () -> given().header("Authorization", token).when().get(WHOAMI).then()
                .statusCode(401).body("code", equalTo("UNAUTHENTICATED")));

        // The replay of the topic: the creation again, then a marker behind it on the same partition (same key).
        UserEvents.snapshot(UserEventData.Types.CREATED, id, "eraseme", false, List.of(Role.PLAYER_NAME), null, created);
        UserEvents.snapshot(UserEventData.Types.UPDATED, id, "eraseme", false, List.of(Role.PLAYER_NAME), null,
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        String marker = Tokens.newUserId();
        UserEvents.created(marker, "marker", Role.PLAYER_NAME);
        String markerToken = Tokens.bearer(Tokens.of(marker, "marker", Role.PLAYER_NAME));
        awaitWithinFiveSeconds("the replay", () -> given().header("Authorization", markerToken).when().get(WHOAMI)
                .then().statusCode(200));
        given().header("Authorization", token).when().get(WHOAMI).then().statusCode(401);
    }

    @Test
    void theTokensOfARevokedSessionAreRefusedWithinFiveSecondsAndOtherSessionsStay() {
        Assumptions.assumeTrue(learnsBansFromUserEvents(), "this service reads its own users");
        String id = Tokens.newUserId();
        UserEvents.created(id, "kicked", Role.PLAYER_NAME);
        String kicked = Tokens.bearer(Tokens.claims(id, "kicked", Role.PLAYER_NAME).claim("sid", "family-1").sign());
        String kept = Tokens.bearer(Tokens.claims(id, "kicked", Role.PLAYER_NAME).claim("sid", "family-2").sign());
        given().header("Authorization", kicked).when().get(WHOAMI).then().statusCode(200);

        UserEvents.sessionRevoked(id, "family-1");
        awaitWithinFiveSeconds("session revocation", () -> given().header("Authorization", kicked).when().get(WHOAMI)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED")));
        given().header("Authorization", kept).when().get(WHOAMI).then().statusCode(200);
    }

    @Test
    void aScopedBotTokenIsRefusedWithInsufficientScopeOnAnOperationOutsideItsScopes() {
        String id = Tokens.newUserId();
        String bot = Tokens.bearer(Tokens.claims(id, "bot", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME)
                .claim("scope", "games:read games:write registrations:write calendar:read").sign());
        given().header("Authorization", bot).when().get(WHOAMI).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_SCOPE"));
    }
}
