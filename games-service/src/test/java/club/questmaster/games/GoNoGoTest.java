package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import club.questmaster.games.Api.Event;
import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Minimum players with go/no-go, and the gm's cancel (contract §7): the terminal status {@code cancelled}. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GoNoGoTest {

    KafkaProbe probe;
    long systemId;

    @BeforeEach
    void open() {
        probe = KafkaProbe.open(Topics.GAME_EVENTS);
        systemId = system();
    }

    @AfterEach
    void close() {
        probe.close();
    }

    private JsonNode game(User gm, int minPlayers, OffsetDateTime goNoGo) {
        Map<String, Object> body = gameBody(unique("Go"), systemId);
        body.put("min_players", minPlayers);
        body.put("go_no_go_at", goNoGo.toString());
        return Api.publishedGame(gm, body);
    }

    @Test
    void atGoNoGoAGameShortOfPlayersIsCancelledAndOneWithEnoughGoesOn() {
        User gm = gm("mj");
        OffsetDateTime goNoGo = OffsetDateTime.now().plusSeconds(8);
        JsonNode short_ = game(gm, 3, goNoGo);
        JsonNode enough = game(gm, 1, goNoGo);
        String shortBase = "/api/v1/games/" + short_.get("slug").asText();
        String enoughBase = "/api/v1/games/" + enough.get("slug").asText();
        player("alone").as().post(shortBase + "/registrations").then().statusCode(201);
        player("one").as().post(enoughBase + "/registrations").then().statusCode(201);
        given().get(shortBase).then().body("min_players", equalTo(3)).body("status", equalTo("open"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(shortBase).then().body("status", equalTo("cancelled")));
        List<Event> events = events(probe, short_.get("id").asLong(), 4);
        Event cancelled = events.get(3);
        assertThat(cancelled.type()).isEqualTo(Types.CANCELLED);
        assertThat(cancelled.action()).isEqualTo("edit");
        assertThat(cancelled.userId()).isNull();
        assertThat(cancelled.description())
                .isEqualTo("L'annonce a été annulée. Nombre minimum de joueur·euses non atteint (1/3).");
        assertThat(cancelled.data().get("min_players").asInt()).isEqualTo(3);
        assertThat(cancelled.data().get("status").asText()).isEqualTo("cancelled");

        player("late").as().post(shortBase + "/registrations").then().statusCode(409)
                .body("code", equalTo("GAME_CLOSED"));
        String ics = given().get("/api/v1/calendar.ics?game=" + short_.get("slug").asText()).then().statusCode(200)
                .extract().asString();
        assertThat(ics).contains("STATUS:CANCELLED");
        assertThat(given().get("/api/v1/calendar.ics?game=" + enough.get("slug").asText()).then().statusCode(200)
                .extract().asString()).contains("BEGIN:VEVENT").doesNotContain("STATUS:CANCELLED");
        given().get("/api/v1/games?status=cancelled&per_page=100").then().statusCode(200)
                .body("items.slug", hasItem(short_.get("slug").asText()))
                .body("items.slug", not(hasItem(enough.get("slug").asText())));
        // The calendar JSON shows the sessions of both, each with its game's status.
        String month = "/api/v1/calendar/events?start=" + OffsetDateTime.now().minusDays(1).toLocalDate() + "&end="
                + OffsetDateTime.now().plusDays(30).toLocalDate();
        given().get(month).then().statusCode(200)
                .body("find { it.game_slug == '" + short_.get("slug").asText() + "' }.status", equalTo("cancelled"))
                .body("find { it.game_slug == '" + enough.get("slug").asText() + "' }.status", equalTo("open"));
        // Enough players: decided once, it goes on (still open, one of four seats taken), with no event.
        given().get(enoughBase).then().body("status", equalTo("open"));
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(enough.get("id").asText()))
                .count()).isEqualTo(3);
    }

    @Test
    void theGmCancelsAnOpenGameWithAReasonButNotADraft() {
        User gm = gm("mj");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Annulée"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        player("stranger").as().body(Map.of()).post(base + "/cancel").then().statusCode(403);
        gm.as().body(Map.of("reason", "Le·a MJ est malade.")).post(base + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        gm.as().body(Map.of()).post(base + "/cancel").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        gm.as().body(Map.of()).post(base + "/reopen").then().statusCode(409);
        Event cancelled = events(probe, game.get("id").asLong(), 3).get(2);
        assertThat(cancelled.type()).isEqualTo(Types.CANCELLED);
        assertThat(cancelled.userId()).isEqualTo(gm.id());
        assertThat(cancelled.description()).isEqualTo("L'annonce a été annulée. Le·a MJ est malade.");

        String draft = Api.createGame(gm, gameBody(unique("Brouillon"), systemId)).get("slug").asText();
        gm.as().body(Map.of()).post("/api/v1/games/" + draft + "/cancel").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Map<String, Object> bad = gameBody(unique("Sans minimum"), systemId);
        bad.put("go_no_go_at", OffsetDateTime.now().plusDays(1).toString());
        gm.as().body(bad).post("/api/v1/games").then().statusCode(400).body("errors[0].field", equalTo("go_no_go_at"));
        bad.put("min_players", 5);
        gm.as().body(bad).post("/api/v1/games").then().statusCode(400).body("errors[0].field", equalTo("min_players"));
    }
}
