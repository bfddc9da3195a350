package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12's reproductions on games-service: each answered 500 before; a 400 naming the field now (contract §6). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Test
    void patchingGmIdToNullIsA400AndChangesNothing() {
        User gm = gm("nullgm");
        long systemId = Api.system();
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            JsonNode game = Api.createGame(gm, gameBody(unique("Null gm"), systemId));
            String slug = game.get("slug").asText();
            Api.events(probe, game.get("id").asLong(), 1);
            String before = given().header("Authorization", "Bearer " + gm.token()).get("/api/v1/games/" + slug)
                    .asString();
            for (String body : new String[] {"{\"gm_id\":null}", "{\"name\":\"x\\u0000y\"}",
                    "{\"party_size\":99999999999}", "{\"party_size\":101}", "{\"ambience\":[\"epic\",null]}",
                    "{\"classification\":{\"action\\u0000\":1}}", "{\"classification\":[1]}"}) {
                gm.as().body(body.getBytes(StandardCharsets.UTF_8)).patch("/api/v1/games/" + slug).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("code", equalTo("VALIDATION_ERROR"));
            }
            gm.as().body("{\"gm_id\":null}").patch("/api/v1/games/" + slug).then()
                    .body("errors[0].field", equalTo("gm_id"));
            assertThat(probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(KafkaProbe.subject(game.get("id").asText())).toList()).as("only the creation").hasSize(1);
            assertThat(given().header("Authorization", "Bearer " + gm.token()).get("/api/v1/games/" + slug)
                    .asString()).isEqualTo(before);
        }
    }

    @Test
    void aPageBeyondTheOffsetArithmeticIsA400NamingPage() {
        given().get("/api/v1/games?page=2147483647&per_page=100").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("page"));
    }

    @Test
    void searchesLongerThan100CharactersAreA400() {
        given().queryParam("name", "a".repeat(101)).get("/api/v1/games").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        given().queryParam("name", "a".repeat(100)).get("/api/v1/games").then().statusCode(200);
    }

    @Test
    void nulInAQueryParameterIsA400() {
        given().urlEncodingEnabled(false).get("/api/v1/games?name=%00").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        given().urlEncodingEnabled(false).get("/api/v1/calendar.ics?gm_id=%00").then()
                .statusCode(400).body("errors[0].field", equalTo("gm_id"));
    }
}
