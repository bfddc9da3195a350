package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bot tokens (contract §8): a JWT with a {@code scope} claim reaches only the operations annotated with one of its
 * scopes; every other operation answers 403 INSUFFICIENT_SCOPE, whatever the owner's roles.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class BotScopeTest {

    private static RequestSpecification bot(Api.User owner, String scope) {
        String token = Tokens.claims(owner.id(), owner.username(), owner.roles()).claim("scope", scope)
                .claim("sid", "api-token-" + owner.id()).sign();
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }

    @Test
    void aReadingBotListsAndReadsGamesAndIsRefusedEverythingElse() {
        Api.User gm = Api.gm("mj-bot");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Bot"), Api.system()));
        String slug = game.get("slug").asText();

        bot(gm, "games:read").get("/api/v1/games").then().statusCode(200);
        bot(gm, "games:read").get("/api/v1/games/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        bot(gm, "games:read").get("/api/v1/games/" + slug + "/sessions").then().statusCode(200);

        bot(gm, "games:read").body(gameBody(unique("Refusé"), Api.system())).post("/api/v1/games").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_SCOPE"));
        bot(gm, "games:read").body(Map.of()).post("/api/v1/games/" + slug + "/close").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        bot(gm, "games:read").get("/api/v1/calendar/events?start=2026-01-01&end=2026-02-01").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        bot(gm, "games:read").get("/api/v1/systems").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void aWritingBotCreatesAndEditsGamesButCannotPublishThem() {
        Api.User gm = Api.gm("mj-ecrivain");
        String slug = bot(gm, "games:write").body(gameBody(unique("Écrite par un bot"), Api.system()))
                .post("/api/v1/games").then().statusCode(201).extract().path("slug");
        bot(gm, "games:write").body(Map.of("description", "Mise à jour par le bot")).patch("/api/v1/games/" + slug)
                .then().statusCode(200).body("description", equalTo("Mise à jour par le bot"));
        bot(gm, "games:write").body(Map.of()).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void aRegistrationBotRegistersItsOwnerAndLeavesButReadsNothing() {
        Api.User gm = Api.gm("mj-hote");
        Api.User owner = Api.player("proprietaire");
        String slug = Api.publishedGame(gm, gameBody(unique("Places"), Api.system())).get("slug").asText();

        bot(owner, "registrations:write").post("/api/v1/games/" + slug + "/registrations").then().statusCode(201)
                .body("player_ids", hasItem(owner.id()));
        bot(owner, "registrations:write").delete("/api/v1/games/" + slug + "/registrations/me").then()
                .statusCode(204);
        bot(owner, "registrations:write").get("/api/v1/games").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void aCalendarBotReadsTheCalendarAndTheICalendarFeed() {
        Api.User owner = Api.user("calendrier", Role.PLAYER_NAME);
        bot(owner, "calendar:read").get("/api/v1/calendar/events?start=2026-01-01&end=2026-02-01").then()
                .statusCode(200);
        bot(owner, "calendar:read").get("/api/v1/calendar.ics?player_id=" + owner.id()).then().statusCode(200);
        bot(owner, "calendar:read").get("/api/v1/games").then()
                .statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void aUserTokenIsNotLimitedByScopes() {
        Api.User gm = Api.gm("mj-humain");
        String slug = Api.createGame(gm, gameBody(unique("Humaine"), Api.system())).get("slug").asText();
        gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
    }
}
