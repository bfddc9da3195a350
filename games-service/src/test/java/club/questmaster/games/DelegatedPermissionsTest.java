package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.games.Api.User;
import club.questmaster.platform.security.Permission;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delegated permissions (contract §8), read from the platform Caller: {@code moderate_games} edits, closes and
 * archives any game (and nothing more); {@code manage_reference_data} writes systems, VTTs and special events.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class DelegatedPermissionsTest {

    private static User withPermission(String username, String permission) {
        String id = Tokens.newUserId();
        String token = Tokens.claims(id, username, Role.PLAYER_NAME).claim("permissions", List.of(permission)).sign();
        return new User(id, username, token, new String[] {Role.PLAYER_NAME});
    }

    @Test
    void aModeratorEditsClosesAndArchivesAnyGameButDoesNotRunIt() {
        User gm = Api.gm("mj");
        User moderator = withPermission("modo", Permission.MODERATE_GAMES_NAME);
        User player = Api.player("joueuse");
        long systemId = Api.system();
        JsonNode draft = Api.createGame(gm, gameBody(unique("Brouillon"), systemId));
        String draftBase = "/api/v1/games/" + draft.get("slug").asText();
        moderator.as().get(draftBase).then().statusCode(200);
        moderator.as().body(Map.of("description", "Modérée.")).patch(draftBase).then().statusCode(200)
                .body("description", equalTo("Modérée."));
        moderator.as().body(Map.of()).post(draftBase + "/publish").then().statusCode(403);
        moderator.as().delete(draftBase).then().statusCode(403);

        JsonNode game = Api.publishedGame(gm, gameBody(unique("Publiée"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        player.as().body(Map.of("description", "x")).patch(base).then().statusCode(403);
        player.as().post(base + "/close").then().statusCode(403);
        moderator.as().post(base + "/close").then().statusCode(200).body("status", equalTo("closed"));
        moderator.as().body(Map.of()).post(base + "/cancel").then().statusCode(403);
        moderator.as().body(Map.of("award_trophies", false)).post(base + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"));
    }

    @Test
    void manageReferenceDataWritesSystemsVttsAndSpecialEvents() {
        User keeper = withPermission("gardien", Permission.MANAGE_REFERENCE_DATA_NAME);
        User player = Api.player("joueur");
        long id = keeper.as().body(Map.of("name", unique("Système délégué"))).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        keeper.as().body(Map.of("name", unique("Renommé"))).patch("/api/v1/systems/" + id).then().statusCode(200);
        keeper.as().body(Map.of("name", unique("VTT délégué"))).post("/api/v1/vtts").then().statusCode(201);
        keeper.as().body(Map.of("name", unique("Événement délégué"))).post("/api/v1/special-events").then()
                .statusCode(201);
        player.as().body(Map.of("name", unique("Refusé"))).post("/api/v1/systems").then().statusCode(403);
        given().contentType("application/json").body(Map.of("name", unique("Anonyme"))).post("/api/v1/vtts").then()
                .statusCode(401);
        keeper.as().delete("/api/v1/systems/" + id).then().statusCode(204);
    }
}
