package club.questmaster.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin search over every game's events: filters, q, time range, pagination, newest first, 400s. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GameEventSearchTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    ObjectMapper json;

    /** Unique to this test's rows, so that q finds them and only them. */
    private String tag;
    private long gameA;
    private long gameB;
    private String gm;
    private String player;

    @BeforeEach
    void twoGamesWithFiveEvents() {
        tag = "zq" + Long.toString(GameEvents.newGameId(), 36);
        gameA = GameEvents.newGameId();
        gameB = GameEvents.newGameId();
        gm = GameEvents.newUserId();
        player = GameEvents.newUserId();
        String slugA = tag + "-la-crypte";
        String slugB = "le-donjon-" + gameB;
        publish(gameA, slugA, GameEventData.Actions.CREATE, gm, "Annonce créée avec le statut draft.", 0);
        publish(gameA, slugA, GameEventData.Actions.REGISTER, player, "Inscription de la joueuse.", 1);
        publish(gameA, slugA, GameEventData.Actions.ALERT, null, "Un signalement a été fait.", 2);
        publish(gameB, slugB, GameEventData.Actions.CREATE, gm, "Annonce " + tag + " créée (100% fun_).", 3);
        publish(gameB, slugB, GameEventData.Actions.CREATE_SESSION, gm, "Session ajoutée.", 4);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                admin().queryParam("game_id", gameB).when().get("/api/v1/game-events").then()
                        .statusCode(200).body("total", equalTo(2)));
        admin().queryParam("game_id", gameA).when().get("/api/v1/game-events").then().body("total", equalTo(3));
    }

    private void publish(long gameId, String slug, String action, String userId, String description, int hours) {
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gm, action, userId, description,
                T0.plusHours(hours)));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer(Tokens.of(GameEvents.newUserId(), "admin",
                Role.ADMIN_NAME)));
    }

    @Test
    void aGameIdFilterAnswersThatGamesEventsNewestFirstInTheContractShape() {
        admin().queryParam("game_id", gameA).when().get("/api/v1/game-events").then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", contains("alert", "register", "create"))
                .body("items[0].user_id", equalTo(null))
                .body("items[0].description", equalTo("Un signalement a été fait."))
                .body("items[0].game_slug", equalTo(tag + "-la-crypte"))
                .body("items[0].event_id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("items[0].id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void qMatchesTheDescriptionAndTheSlugCaseInsensitively() {
        admin().queryParam("q", tag.toUpperCase()).when().get("/api/v1/game-events").then()
                .statusCode(200)
                .body("total", equalTo(4)) // the three rows of the tagged slug, and the tagged description
                .body("items.game_id.collect { it.toString() }", everyItem(org.hamcrest.Matchers.in(
                        java.util.List.of(Long.toString(gameA), Long.toString(gameB)))));
    }

    @Test
    void qMatchesTheActionAndLikeWildcardsAreLiteral() {
        admin().queryParam("q", "create-sess").queryParam("game_id", gameB).when().get("/api/v1/game-events").then()
                .statusCode(200).body("items.action", contains("create-session"));
        admin().queryParam("q", tag + " créée (100% fun_").when().get("/api/v1/game-events").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].game_id.toString()", equalTo(Long.toString(gameB)));
        admin().queryParam("q", tag + "%_").when().get("/api/v1/game-events").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void actionUserAndTimeFiltersCombine() {
        admin().queryParam("user_id", player).when().get("/api/v1/game-events").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].action", equalTo("register"));
        admin().queryParam("q", tag).queryParam("action", "create").when().get("/api/v1/game-events").then()
                .statusCode(200).body("items.action", contains("create", "create"));
        // Bounds are inclusive; a time without an offset is read in Europe/Paris (UTC+2 in June).
        admin().queryParam("q", tag).queryParam("from", "2025-06-01T13:00:00").queryParam("to", "2025-06-01T13:00:00Z")
                .when().get("/api/v1/game-events").then()
                .statusCode(200).body("items.action", contains("create", "alert", "register"));
    }

    @Test
    void resultsArePaginated() {
        admin().queryParam("q", tag).queryParam("per_page", 3).queryParam("page", 2).when().get("/api/v1/game-events")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(2))
                .body("per_page", equalTo(3))
                .body("pages", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("create"));
        admin().queryParam("q", tag).queryParam("per_page", 1000).when().get("/api/v1/game-events").then()
                .statusCode(200).body("per_page", equalTo(100)).body("items", hasSize(4));
    }

    @Test
    void badQueryParametersAre400AndNameTheField() {
        String[][] bad = {
                {"action", "explode"}, {"from", "yesterday"}, {"to", "2025-13-45"}, {"user_id", "abc"},
                {"game_id", "twelve"}, {"page", "first"}, {"per_page", "1.5"}, {"q", "x".repeat(201)}};
        for (String[] param : bad) {
            admin().queryParam(param[0], param[1]).when().get("/api/v1/game-events").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_ERROR"));
        }
        admin().queryParam("action", "explode").when().get("/api/v1/game-events").then()
                .body("errors.field", containsInAnyOrder("action"));
        admin().queryParam("from", "2025-06-02T00:00:00Z").queryParam("to", "2025-06-01T00:00:00Z")
                .when().get("/api/v1/game-events").then().statusCode(400).body("errors.field", contains("from"));
    }

    @Test
    void onlyAdminsSearch() {
        given().when().get("/api/v1/game-events").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", Tokens.bearer(Tokens.of(gm, "mj", Role.GM_NAME)))
                .when().get("/api/v1/game-events").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", Tokens.bearer(Tokens.of(GameEvents.newUserId(), "root", Role.SUPERUSER_NAME)))
                .queryParam("game_id", gameA).when().get("/api/v1/game-events").then()
                .statusCode(200).body("total", equalTo(3));
    }
}
