package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.inDays;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

/** Sessions: span rules, no overlap, not on drafts, only through their own game, with events (§4). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class SessionTest {

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

    private static Map<String, Object> span(OffsetDateTime start, OffsetDateTime end) {
        return Map.of("start", start.toString(), "end", end.toString());
    }

    @Test
    void sessionsAreCreatedEditedAndDeletedWithTheirEvents() {
        User gm = gm("sessions");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Campagne"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText() + "/sessions";
        OffsetDateTime start = inDays(14); // 20:30 Paris
        long id = gm.as().body(span(start, start.plusHours(4))).post(base).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // Back-to-back with the new one is fine; the edited session never conflicts with itself.
        gm.as().body(span(start.plusHours(4), start.plusHours(5))).post(base).then().statusCode(201);
        String end = gm.as().body(Map.of("end", start.plusHours(3).toString())).patch(base + "/" + id).then()
                .statusCode(200).extract().path("end");
        assertThat(OffsetDateTime.parse(end).toInstant()).isEqualTo(start.plusHours(3).toInstant());
        given().get(base).then().statusCode(200).body("", hasSize(3));
        gm.as().delete(base + "/" + id).then().statusCode(204);
        gm.as().delete(base + "/" + id).then().statusCode(404);
        given().get(base).then().body("", hasSize(2));

        List<Event> events = events(probe, game.get("id").asLong(), 6);
        assertThat(events.subList(2, 6)).extracting(Event::type).containsExactly(Types.SESSION_CREATED,
                Types.SESSION_CREATED, Types.SESSION_UPDATED, Types.SESSION_DELETED);
        java.time.format.DateTimeFormatter human = java.time.format.DateTimeFormatter
                .ofPattern("EEE dd/MM - HH'h'mm", java.util.Locale.FRENCH);
        String day = java.time.format.DateTimeFormatter.ofPattern("EEE dd/MM", java.util.Locale.FRENCH).format(start);
        assertThat(events.get(2).action()).isEqualTo("create-session");
        assertThat(events.get(2).description()).isEqualTo("Une session a été créée du " + human.format(start)
                + " au " + human.format(start.plusHours(4)) + ".");
        assertThat(human.format(start)).matches("[a-z]{3}\\. \\d\\d/\\d\\d - 20h30");
        assertThat(events.get(4).action()).isEqualTo("edit-session");
        assertThat(events.get(4).description()).startsWith("Une session a été éditée : " + day + " - 20h30 → ")
                .contains(", remplacée par ").endsWith(":30:00.");
        assertThat(events.get(4).data().get("previous_session").get("start").asText()).isNotEmpty();
        assertThat(events.get(5).action()).isEqualTo("delete-session");
        assertThat(events.get(5).description()).startsWith("Une session a été supprimée du " + day + " - 20h30 au ");
        assertThat(events.get(5).userId()).isEqualTo(gm.id());
    }

    @Test
    void invalidSpansOverlapsAndDraftsAreRefused() {
        User gm = gm("strict");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Strict"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText() + "/sessions";
        OffsetDateTime start = inDays(20);
        gm.as().body(span(start, start)).post(base).then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"))
                .body("detail", equalTo("Dates de session invalides : la fin doit suivre le début et la session ne "
                        + "peut excéder 24 heures."));
        gm.as().body(span(start, start.minusHours(1))).post(base).then().statusCode(400);
        gm.as().body(span(start, start.plusHours(24).plusMinutes(1))).post(base).then().statusCode(400);
        gm.as().body(span(start, start.plusHours(24))).post(base).then().statusCode(201);
        gm.as().body(span(start.plusHours(2), start.plusHours(3))).post(base).then().statusCode(409)
                .body("code", equalTo("SESSION_CONFLICT"));
        gm.as().body(span(start.minusHours(1), start.plusMinutes(1))).post(base).then().statusCode(409);
        gm.as().body(Map.of("start", "not a date", "end", start.toString())).post(base).then().statusCode(400);
        // The publish-time session (7 days out) is untouched by any of this.
        given().get(base).then().body("", hasSize(2));

        String draft = Api.createGame(gm, gameBody(unique("Brouillon"), systemId)).get("slug").asText();
        gm.as().body(span(start, start.plusHours(2))).post("/api/v1/games/" + draft + "/sessions").then()
                .statusCode(409).body("detail", equalTo(
                        "Impossible d'ajouter une session à un brouillon. Publiez d'abord l'annonce."));
        events(probe, game.get("id").asLong(), 3);
    }

    @Test
    void aGameHoldsAtMostFiftySessionsTheFiftyFirstIsLimitReached() {
        User gm = gm("marathon");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Marathon"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText() + "/sessions";
        OffsetDateTime start = inDays(40);
        for (int i = 1; i < 50; i++) { // the publish-time session is the first
            gm.as().body(span(start.plusDays(i), start.plusDays(i).plusHours(2))).post(base).then().statusCode(201);
        }
        gm.as().body(span(start.minusDays(1), start.minusDays(1).plusHours(2))).post(base).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("LIMIT_REACHED"));
        given().get(base).then().body("", hasSize(50));
        // created, published, 49 sessions, and nothing for the refused one.
        assertThat(events(probe, game.get("id").asLong(), 51).get(50).type()).isEqualTo(Types.SESSION_CREATED);
        assertThat(probe.drain(Duration.ofMillis(500)).stream()
                .filter(KafkaProbe.subject(game.get("id").asText())).count()).isEqualTo(51);
    }

    @Test
    void aSessionIsOnlyReachableThroughItsOwnGameAndOnlyItsGmOrAnAdminWrites() {
        User gm = gm("owner");
        User other = gm("other");
        JsonNode mine = Api.publishedGame(gm, gameBody(unique("Mine"), systemId));
        JsonNode theirs = Api.publishedGame(other, gameBody(unique("Theirs"), systemId));
        long theirSession = theirs.get("sessions").get(0).get("id").asLong();
        String mineBase = "/api/v1/games/" + mine.get("slug").asText() + "/sessions/";
        String theirBase = "/api/v1/games/" + theirs.get("slug").asText() + "/sessions/";
        OffsetDateTime start = inDays(30);
        gm.as().body(span(start, start.plusHours(1))).patch(mineBase + theirSession).then().statusCode(404);
        gm.as().delete(mineBase + theirSession).then().statusCode(404);
        gm.as().body(span(start, start.plusHours(1))).patch(theirBase + theirSession).then().statusCode(403);
        gm.as().delete(theirBase + theirSession).then().statusCode(403);
        Api.admin("fixer").as().body(Map.of("start", start.toString(), "end", start.plusHours(2).toString()))
                .patch(theirBase + theirSession).then().statusCode(200);
        given().get(theirBase.substring(0, theirBase.length() - 1)).then().body("", hasSize(1));
    }
}
