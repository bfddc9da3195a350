package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.inDays;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seat rules the waitlist stands on (issue 15), each through the API with its events on Kafka. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class SeatRulesOnTheApiTest {

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

    private JsonNode game(User gm, int partySize, boolean selection) {
        Map<String, Object> body = gameBody(unique("Règles"), systemId);
        body.put("party_size", partySize);
        body.put("party_selection", selection);
        return Api.publishedGame(gm, body);
    }

    private long countEvents(JsonNode game) {
        return probe.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(game.get("id").asText())).count();
    }

    @Test
    void closingByHandAGameThatClosedItselfMakesItAManualCloseThatALeaverDoesNotUndo() {
        User gm = gm("mj");
        User alice = player("alice");
        JsonNode game = game(gm, 1, false);
        String base = "/api/v1/games/" + game.get("slug").asText();
        alice.as().post(base + "/registrations").then().statusCode(201).body("status", equalTo("closed"));
        gm.as().post(base + "/close").then().statusCode(200).body("status", equalTo("closed"));
        alice.as().delete(base + "/registrations/me").then().statusCode(204);
        given().get(base).then().body("status", equalTo("closed")).body("seats_left", equalTo(1));

        List<Event> events = events(probe, game.get("id").asLong(), 6);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.PUBLISHED,
                Types.PLAYER_REGISTERED, Types.CLOSED, Types.CLOSED, Types.PLAYER_UNREGISTERED);
        assertThat(events.get(3).userId()).isNull(); // the automatic close
        assertThat(events.get(4).userId()).isEqualTo(gm.id());
        assertThat(events.get(4).description()).isEqualTo("L'annonce a été fermée aux inscriptions.");
        assertThat(countEvents(game)).as("no automatic reopen").isEqualTo(6);
    }

    @Test
    void aPatchOfPartySizeReRunsTheAutomaticCloseAndReopen() {
        User gm = gm("mj");
        JsonNode game = game(gm, 1, false);
        String base = "/api/v1/games/" + game.get("slug").asText();
        player("alice").as().post(base + "/registrations").then().statusCode(201).body("status", equalTo("closed"));
        // Raised: a seat is free again, the game reopens itself.
        gm.as().body(Map.of("party_size", 2)).patch(base).then().statusCode(200).body("status", equalTo("open"))
                .body("seats_left", equalTo(1));
        player("bob").as().post(base + "/registrations").then().statusCode(201).body("status", equalTo("closed"));
        gm.as().body(Map.of("party_size", 3)).patch(base).then().statusCode(200).body("status", equalTo("open"));
        // Lowered to the roster: no seat left, the game closes itself.
        gm.as().body(Map.of("party_size", 2)).patch(base).then().statusCode(200).body("status", equalTo("closed"))
                .body("seats_left", equalTo(0));
        player("carol").as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_FULL"));

        List<Event> events = events(probe, game.get("id").asLong(), 12);
        assertThat(events.subList(2, 12)).extracting(Event::type).containsExactly(Types.PLAYER_REGISTERED,
                Types.CLOSED, Types.UPDATED, Types.REOPENED, Types.PLAYER_REGISTERED, Types.CLOSED, Types.UPDATED,
                Types.REOPENED, Types.UPDATED, Types.CLOSED);
        assertThat(events.get(5).userId()).isNull();
        assertThat(events.get(5).description()).isEqualTo("Annonce rouverte automatiquement après désinscription.");
        assertThat(events.get(11).userId()).isNull();
        assertThat(events.get(11).data().get("seats_left").asInt()).isZero();
    }

    @Test
    void archivedAndCancelledGamesAreReadOnly() {
        User gm = gm("mj");
        for (String end : List.of("archive", "cancel")) {
            JsonNode game = game(gm, 3, false);
            String base = "/api/v1/games/" + game.get("slug").asText();
            long session = game.get("sessions").get(0).get("id").asLong();
            gm.as().body(Map.of()).post(base + "/" + end).then().statusCode(200);
            gm.as().body(Map.of("description", "Changée")).patch(base).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_TRANSITION"));
            OffsetDateTime start = inDays(30);
            gm.as().body(Map.of("start", start.toString(), "end", start.plusHours(2).toString()))
                    .post(base + "/sessions").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
            gm.as().body(Map.of("end", start.toString())).patch(base + "/sessions/" + session).then()
                    .statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
            gm.as().delete(base + "/sessions/" + session).then().statusCode(409);
            given().get(base).then().body("description", equalTo("Une enquête dans les brumes d'Arkham."))
                    .body("sessions.size()", equalTo(1));
            int expected = end.equals("archive") ? 4 : 3; // archive emits its two rows
            events(probe, game.get("id").asLong(), expected);
            assertThat(countEvents(game)).as(end).isEqualTo(expected);
        }
    }

    @Test
    void aClosedPartySelectionGameTakesNoApplications() {
        User gm = gm("mj");
        JsonNode game = game(gm, 4, true);
        String base = "/api/v1/games/" + game.get("slug").asText();
        gm.as().post(base + "/close").then().statusCode(200);
        player("late").as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_CLOSED"));
        given().get(base).then().body("player_ids.size()", equalTo(0));
        events(probe, game.get("id").asLong(), 3);
        assertThat(countEvents(game)).isEqualTo(3);
    }
}
