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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Availability polls (contract §7): propose, answer, pick into a session, with their events and access rules. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class PollTest {

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

    private static Map<String, Object> span(OffsetDateTime start, int hours) {
        return Map.of("start", start.toString(), "end", start.plusHours(hours).toString());
    }

    private static Map<String, Object> proposal(OffsetDateTime... starts) {
        return Map.of("options", java.util.Arrays.stream(starts).map(s -> span(s, 3)).toList());
    }

    private record Setup(User gm, User player, String slug, long gameId) {
        String polls() {
            return "/api/v1/games/" + slug + "/polls";
        }
    }

    private Setup campaignWithPlayer(String name) {
        User gm = gm("pollgm");
        User player = player("pollplayer").known();
        JsonNode game = Api.publishedGame(gm, gameBody(unique(name), systemId));
        String slug = game.get("slug").asText();
        player.as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
        return new Setup(gm, player, slug, game.get("id").asLong());
    }

    @Test
    void aPickedOptionBecomesASessionAndEachStepIsAnEvent() {
        Setup s = campaignWithPlayer("Sondage");
        OffsetDateTime a = inDays(20);
        OffsetDateTime b = inDays(21);
        JsonNode poll = Api.json(s.gm().as().body(proposal(a, b)).post(s.polls()).then().statusCode(201)
                .body("status", equalTo("open")).body("options", hasSize(2)).extract().asString());
        long pollId = poll.get("id").asLong();
        long optionA = poll.get("options").get(0).get("id").asLong();
        long optionB = poll.get("options").get(1).get("id").asLong();

        s.player().as().body(Map.of("answers", Map.of(Long.toString(optionA), "no", Long.toString(optionB), "yes")))
                .put(s.polls() + "/" + pollId + "/answers/me").then().statusCode(200)
                .body("my_answers." + optionB, equalTo("yes"))
                .body("options[1].yes", equalTo(1)).body("options[0].no", equalTo(1))
                .body("answers", nullValue());
        // Answers are replaced whole: the second PUT leaves only "maybe" on A.
        s.player().as().body(Map.of("answers", Map.of(Long.toString(optionA), "maybe")))
                .put(s.polls() + "/" + pollId + "/answers/me").then().statusCode(200)
                .body("options[0].maybe", equalTo(1)).body("options[1].yes", equalTo(0));
        s.gm().as().get(s.polls() + "/" + pollId).then().statusCode(200)
                .body("answers", hasSize(1)).body("answers[0].user_id", equalTo(s.player().id()));

        s.gm().as().body(Map.of("option_id", optionA)).post(s.polls() + "/" + pollId + "/pick").then()
                .statusCode(200).body("status", equalTo("picked")).body("picked_option_id", equalTo((int) optionA));
        given().get("/api/v1/games/" + s.slug() + "/sessions").then().statusCode(200)
                .body("start", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith(a.toLocalDateTime().toString().substring(0, 16))));

        // published, register, poll.created, session.created, poll.picked
        List<Event> events = events(probe, s.gameId(), 5);
        assertThat(events.stream().map(Event::type)).containsSubsequence(Types.POLL_CREATED, Types.SESSION_CREATED,
                Types.POLL_PICKED);
        Event created = events.stream().filter(e -> e.type().equals(Types.POLL_CREATED)).findFirst().orElseThrow();
        assertThat(created.action()).isEqualTo("edit");
        assertThat(created.description()).isEqualTo("Un sondage de disponibilités a été proposé (2 créneaux).");
        assertThat(created.userId()).isEqualTo(s.gm().id());
        Event picked = events.get(events.size() - 1);
        assertThat(picked.type()).isEqualTo(Types.POLL_PICKED);
        assertThat(picked.description()).startsWith("Le créneau du ").endsWith(" a été retenu par sondage.");
        assertThat(picked.data().path("session").path("id").asText()).isNotBlank();

        // Settled: no more answers, no second pick.
        s.player().as().body(Map.of("answers", Map.of(Long.toString(optionB), "yes")))
                .put(s.polls() + "/" + pollId + "/answers/me").then().statusCode(409)
                .body("code", equalTo("POLL_CLOSED"));
        s.gm().as().body(Map.of("option_id", optionB)).post(s.polls() + "/" + pollId + "/pick").then()
                .statusCode(409).body("code", equalTo("POLL_CLOSED"));
    }

    @Test
    void pickingAnOptionThatOverlapsASessionIsASessionConflictAndKeepsThePollOpen() {
        Setup s = campaignWithPlayer("Sondage conflit");
        OffsetDateTime a = inDays(30);
        String sessions = "/api/v1/games/" + s.slug() + "/sessions";
        s.gm().as().body(span(a.minusHours(1), 3)).post(sessions).then().statusCode(201);
        JsonNode poll = Api.json(s.gm().as().body(proposal(a, inDays(31))).post(s.polls()).then().statusCode(201)
                .extract().asString());
        long pollId = poll.get("id").asLong();
        s.gm().as().body(Map.of("option_id", poll.get("options").get(0).get("id").asLong()))
                .post(s.polls() + "/" + pollId + "/pick").then().statusCode(409)
                .body("code", equalTo("SESSION_CONFLICT"));
        s.gm().as().get(s.polls() + "/" + pollId).then().statusCode(200).body("status", equalTo("open"));
    }

    @Test
    void aGameHoldsOneOpenPollAtATime() {
        Setup s = campaignWithPlayer("Sondage unique");
        long first = s.gm().as().body(proposal(inDays(40), inDays(41))).post(s.polls()).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        s.gm().as().body(proposal(inDays(42), inDays(43))).post(s.polls()).then().statusCode(409)
                .body("code", equalTo("POLL_ALREADY_OPEN"));
        s.gm().as().post(s.polls() + "/" + first + "/close").then().statusCode(200).body("status", equalTo("closed"));
        s.gm().as().body(proposal(inDays(42), inDays(43))).post(s.polls()).then().statusCode(201);
        s.gm().as().get(s.polls()).then().statusCode(200).body("", hasSize(2));
    }

    @Test
    void onlyTheGmAdminsAndRegisteredPlayersSeeAPollAndOnlyPlayersAnswer() {
        Setup s = campaignWithPlayer("Sondage privé");
        JsonNode poll = Api.json(s.gm().as().body(proposal(inDays(50), inDays(51))).post(s.polls()).then()
                .statusCode(201).extract().asString());
        String url = s.polls() + "/" + poll.get("id").asLong();
        String option = poll.get("options").get(0).get("id").asText();
        User stranger = player("pollstranger").known();
        given().get(url).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        stranger.as().get(url).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        stranger.as().body(Map.of("answers", Map.of(option, "yes"))).put(url + "/answers/me").then()
                .statusCode(403);
        s.gm().as().body(Map.of("answers", Map.of(option, "yes"))).put(url + "/answers/me").then().statusCode(403);
        s.player().as().body(proposal(inDays(52), inDays(53))).post(s.polls()).then().statusCode(403);
        s.player().as().body(Map.of("option_id", Long.parseLong(option))).post(url + "/pick").then().statusCode(403);
        s.player().as().get(s.polls() + "/999999999").then().statusCode(404);
    }

    @Test
    void badProposalsAndAnswersAreRefusedNamingTheFieldAndChangeNothing() {
        Setup s = campaignWithPlayer("Sondage invalide");
        OffsetDateTime a = inDays(60);
        s.gm().as().body(proposal(a)).post(s.polls()).then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        s.gm().as().body(Map.of("options", List.of(span(a, 3), span(a, 25)))).post(s.polls()).then().statusCode(400)
                .body("errors[0].field", equalTo("options[1].end"));
        s.gm().as().body(Map.of("options", List.of(span(a, 3), span(a, 3)))).post(s.polls()).then().statusCode(400)
                .body("errors[0].field", equalTo("options[1]"));
        s.gm().as().body(Map.of("options", List.of(span(a, 3), span(inDays(61), 3)),
                "closes_at", OffsetDateTime.now().minusHours(1).toString())).post(s.polls()).then().statusCode(400)
                .body("errors[0].field", equalTo("closes_at"));
        OffsetDateTime[] many = new OffsetDateTime[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = a.plusDays(i);
        }
        s.gm().as().body(proposal(many)).post(s.polls()).then().statusCode(400);
        s.gm().as().get(s.polls()).then().statusCode(200).body("", hasSize(0));

        JsonNode poll = Api.json(s.gm().as().body(proposal(a, inDays(61))).post(s.polls()).then().statusCode(201)
                .extract().asString());
        String url = s.polls() + "/" + poll.get("id").asLong() + "/answers/me";
        String option = poll.get("options").get(0).get("id").asText();
        s.player().as().body(Map.of("answers", Map.of(option, "perhaps"))).put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("answers." + option));
        s.player().as().body(Map.of("answers", Map.of("123456789", "yes"))).put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("answers.123456789"));
        s.gm().as().get(s.polls() + "/" + poll.get("id").asLong()).then().statusCode(200).body("answers", hasSize(0));
    }

    @Test
    void draftsTakeNoPoll() {
        User gm = gm("polldraft");
        JsonNode draft = Api.createGame(gm, gameBody(unique("Brouillon sondé"), systemId));
        gm.as().body(proposal(inDays(70), inDays(71))).post("/api/v1/games/" + draft.get("slug").asText() + "/polls")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
    }
}
