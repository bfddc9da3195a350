package club.questmaster.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A game's timeline is shown to its gm, to admins and to holders of the delegated permission {@code view_audit}
 * (contract §5, §8), as the service's users projection says, not the token.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class TimelineAccessTest {

    @Inject
    ObjectMapper json;

    private long gameId;
    private String gmId;
    private String playerId;

    @BeforeEach
    void aGameWithThreeEvents() {
        gameId = GameEvents.newGameId();
        gmId = GameEvents.newUserId();
        playerId = GameEvents.newUserId();
        String slug = "les-ombres-" + gameId;
        OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 18, 0, 0, 0, ZoneOffset.UTC);
        // Published newest first: the timeline still answers in event time order.
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gmId,
                GameEventData.Actions.REGISTER, playerId, "Inscription.", t0.plusHours(2)));
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gmId,
                GameEventData.Actions.EDIT, gmId, "L'annonce a été publiée et ouverte.", t0.plusHours(1)));
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gmId,
                GameEventData.Actions.CREATE, gmId, "Annonce créée avec le statut draft.", t0));
        String admin = Tokens.bearer(Tokens.of(GameEvents.newUserId(), "admin", Role.ADMIN_NAME));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", admin).when().get("/api/v1/games/{id}/events", gameId).then()
                        .statusCode(200).body("total", equalTo(3)));
    }

    @Test
    void theGamesGmReadsItsTimelineOldestFirst() {
        given().header("Authorization", Tokens.bearer(Tokens.of(gmId, "mj", Role.GM_NAME)))
                .when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("per_page", equalTo(20))
                .body("pages", equalTo(1))
                .body("items.action", contains("create", "edit", "register"))
                .body("items[0].game_id", hasToString(Long.toString(gameId)))
                .body("items[0].game_slug", equalTo("les-ombres-" + gameId))
                .body("items[0].description", equalTo("Annonce créée avec le statut draft."))
                .body("items[0].user_id", equalTo(gmId))
                .body("items[0].timestamp", equalTo("2026-03-01T19:00:00+01:00"))
                .body("items[2].user_id", equalTo(playerId));
    }

    @Test
    void theTimelineIsPaginated() {
        given().header("Authorization", Tokens.bearer(Tokens.of(gmId, "mj", Role.GM_NAME)))
                .queryParam("page", 2).queryParam("per_page", 2)
                .when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("pages", equalTo(2))
                .body("items.action", contains("register"));
    }

    @Test
    void anAdminReadsAnyGamesTimeline() {
        for (String role : new String[] {Role.ADMIN_NAME, Role.SUPERUSER_NAME}) {
            given().header("Authorization", Tokens.bearer(Tokens.of(GameEvents.newUserId(), "boss", role)))
                    .when().get("/api/v1/games/{id}/events", gameId).then()
                    .statusCode(200).body("total", equalTo(3));
        }
    }

    @Test
    void anotherGmOrAPlayerOfTheGameIsForbidden() {
        given().header("Authorization", Tokens.bearer(Tokens.of(GameEvents.newUserId(), "autre-mj", Role.GM_NAME)))
                .when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", Tokens.bearer(Tokens.of(playerId, "joueuse", Role.PLAYER_NAME)))
                .when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anonymousIsUnauthenticated() {
        given().when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anUnknownGameIsNotFound() {
        String admin = Tokens.bearer(Tokens.of(GameEvents.newUserId(), "admin", Role.ADMIN_NAME));
        given().header("Authorization", admin).when().get("/api/v1/games/{id}/events", GameEvents.newGameId()).then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", admin).when().get("/api/v1/games/not-a-number/events").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theGameChangingHandsMovesTheTimelineToTheNewGm() {
        String newGm = GameEvents.newUserId();
        GameEvents.publish(json, GameEvents.event(gameId, "les-ombres-" + gameId, newGm, GameEventData.Actions.EDIT,
                null, "Le contenu de l'annonce a été édité."));
        String newGmToken = Tokens.bearer(Tokens.of(newGm, "nouveau-mj", Role.GM_NAME));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", newGmToken).when().get("/api/v1/games/{id}/events", gameId).then()
                        .statusCode(200).body("total", equalTo(4)));
        given().header("Authorization", Tokens.bearer(Tokens.of(gmId, "mj", Role.GM_NAME)))
                .when().get("/api/v1/games/{id}/events", gameId).then().statusCode(403);
    }

    @Test
    void theViewAuditPermissionOpensEveryTimelineAndTheSearchToANonAdmin() {
        String id = GameEvents.newUserId();
        String auditor = Tokens.bearer(Tokens.of(id, "auditrice", Role.PLAYER_NAME));
        given().header("Authorization", auditor).when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(403);
        given().header("Authorization", auditor).when().get("/api/v1/game-events").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        UserEvents.snapshot("questmaster.user.permissions.changed", id, "auditrice", false, List.of(Role.PLAYER_NAME),
                List.of("view_audit"), OffsetDateTime.now(ZoneOffset.UTC));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", auditor).when().get("/api/v1/games/{id}/events", gameId).then()
                        .statusCode(200).body("total", equalTo(3)));
        given().header("Authorization", auditor).queryParam("game_id", gameId).when().get("/api/v1/game-events")
                .then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void aDemotedAdminLosesTheSearchWithinFiveSecondsWhateverTheTokenSays() {
        String id = GameEvents.newUserId();
        String admin = Tokens.bearer(Tokens.of(id, "ex-admin", Role.PLAYER_NAME, Role.ADMIN_NAME));
        UserEvents.created(id, "ex-admin", Role.PLAYER_NAME, Role.ADMIN_NAME);
        given().header("Authorization", admin).when().get("/api/v1/game-events").then().statusCode(200);

        UserEvents.publish("questmaster.user.updated", id, "ex-admin", false, List.of(Role.PLAYER_NAME));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", admin).when().get("/api/v1/game-events").then().statusCode(403));
        given().header("Authorization", admin).when().get("/api/v1/games/{id}/events", gameId).then()
                .statusCode(403);
    }
}
