package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.json;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.publishedGame;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.ConsumerGroups;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.UserEvents;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * api.md §8 in games-service (privacy package): the export section, and the erasure: registrations, alerts and poll
 * answers go,
 * a game the erased user ran stays listed with its players, and replayed user events bring nothing back.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class PrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonNode section(String exportId, User user) {
        try (KafkaProbe probe = KafkaProbe.open(Topics.PRIVACY_EXPORTS)) {
            UserEvents.exportRequested(user.id(), user.username(), exportId, user.roles());
            JsonNode answer = json(probe.await(KafkaProbe.subject(exportId), 1, WAIT).get(0).value());
            assertThat(answer.get("export_id").asText()).isEqualTo(exportId);
            assertThat(answer.get("user_id").asText()).isEqualTo(user.id());
            assertThat(answer.get("service").asText()).isEqualTo("games-service");
            return answer.get("data");
        }
    }

    private static void register(User player, String slug) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> player.as().post("/api/v1/games/" + slug + "/registrations")
                .then().statusCode(201));
    }

    @Test
    void theExportListsTheGamesRunTheRegistrationsAndTheAlerts() {
        long systemId = system();
        User leaver = gm(unique("leaver").replace(' ', '_')).known();
        User otherGm = gm(unique("ogm").replace(' ', '_')).known();
        String own = publishedGame(leaver, gameBody(unique("Sa partie"), systemId)).get("slug").asText();
        String other = publishedGame(otherGm, gameBody(unique("Autre partie"), systemId)).get("slug").asText();
        register(leaver, other);
        leaver.as().body(Map.of("message", "Horaire douteux")).post("/api/v1/games/" + other + "/alert").then()
                .statusCode(204);

        JsonNode data = section(UUID.randomUUID().toString(), leaver);
        assertThat(data.get("games_run")).hasSize(1);
        assertThat(data.get("games_run").get(0).get("slug").asText()).isEqualTo(own);
        assertThat(data.get("registrations")).hasSize(1);
        assertThat(data.get("registrations").get(0).get("slug").asText()).isEqualTo(other);
        assertThat(data.get("alerts").get(0).get("message").asText()).isEqualTo("Horaire douteux");
    }

    @Test
    void anErasureRemovesRegistrationsAndAlertsButKeepsTheGamesTheUserRanAndTheirPlayers() {
        long systemId = system();
        User erased = gm(unique("erased").replace(' ', '_')).known();
        User stays = player(unique("stays").replace(' ', '_')).known();
        User otherGm = gm(unique("ogm").replace(' ', '_')).known();
        String ran = publishedGame(erased, gameBody(unique("Menée"), systemId)).get("slug").asText();
        String played = publishedGame(otherGm, gameBody(unique("Jouée"), systemId)).get("slug").asText();
        register(stays, ran);
        register(erased, played);
        register(stays, played);
        erased.as().body(Map.of("message", "Signalement")).post("/api/v1/games/" + played + "/alert").then()
                .statusCode(204);
        java.time.OffsetDateTime start = Api.inDays(20);
        JsonNode poll = json(otherGm.as().body(Map.of("options", java.util.List.of(
                        Map.of("start", start.toString(), "end", start.plusHours(3).toString()),
                        Map.of("start", start.plusDays(1).toString(), "end", start.plusDays(1).plusHours(3).toString()))))
                .post("/api/v1/games/" + played + "/polls").then().statusCode(201).extract().asString());
        String option = poll.get("options").get(0).get("id").asText();
        for (User voter : java.util.List.of(erased, stays)) {
            voter.as().body(Map.of("answers", Map.of(option, "yes")))
                    .put("/api/v1/games/" + played + "/polls/" + poll.get("id").asLong() + "/answers/me").then()
                    .statusCode(200);
        }
        // A place in the queue of a full game.
        Map<String, Object> fullBody = gameBody(unique("Complète"), systemId);
        fullBody.put("party_size", 1);
        fullBody.put("waitlist_offer_hours", 24);
        String full = publishedGame(otherGm, fullBody).get("slug").asText();
        register(stays, full);
        erased.as().post("/api/v1/games/" + full + "/waitlist").then().statusCode(201);
        JsonNode before = section(UUID.randomUUID().toString(), erased);
        assertThat(before.get("poll_answers")).hasSize(1);
        assertThat(before.get("waitlists")).hasSize(1);
        assertThat(before.get("waitlists").get(0).get("slug").asText()).isEqualTo(full);

        UserEvents.erased(erased.id());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> otherGm.as()
                .get("/api/v1/games/" + played).then().statusCode(200).body("player_ids", contains(stays.id())));
        // The game they ran is still there, with its player; its gm is the erased id.
        otherGm.as().get("/api/v1/games/" + ran).then().statusCode(200).body("gm_id", equalTo(erased.id()))
                .body("player_ids", contains(stays.id()));
        JsonNode after = section(UUID.randomUUID().toString(), erased);
        assertThat(after.get("registrations")).isEmpty();
        assertThat(after.get("alerts")).isEmpty();
        assertThat(after.get("poll_answers")).isEmpty();
        assertThat(after.get("waitlists")).isEmpty();
        // The other player's answer stays.
        otherGm.as().get("/api/v1/games/" + played + "/polls/" + poll.get("id").asLong()).then()
                .body("options[0].yes", equalTo(1));

        // The erasure read again (a replay) changes nothing.
        UserEvents.erased(erased.id());
        ConsumerGroups.awaitCaughtUp("games-service.privacy", Topics.USER_EVENTS, WAIT);
        otherGm.as().get("/api/v1/games/" + played).then().body("player_ids", contains(stays.id()));
        otherGm.as().get("/api/v1/games/" + ran).then().statusCode(200).body("player_ids", contains(stays.id()));
    }

    /** A seat, or an offer, held by the erased user goes to the next in line, as when a player leaves. */
    @Test
    void anErasedPlayersSeatAndOfferGoToTheNextInLine() {
        long systemId = system();
        User gm = gm(unique("egm").replace(' ', '_')).known();
        User seated = player(unique("seated").replace(' ', '_')).known();
        User offered = player(unique("offered").replace(' ', '_')).known();
        User next = player(unique("next").replace(' ', '_')).known();
        User waiting = player(unique("waiting").replace(' ', '_')).known();
        Map<String, Object> body = gameBody(unique("Une place"), systemId);
        body.put("party_size", 1);
        body.put("waitlist_offer_hours", 24);
        // The erased user's seat: one queued player behind it.
        String seatGame = publishedGame(gm, body).get("slug").asText();
        register(seated, seatGame);
        waiting.as().post("/api/v1/games/" + seatGame + "/waitlist").then().statusCode(201);
        // The erased user's offer: the seat was freed for them, and one player queued behind them.
        body.put("name", unique("Une offre"));
        String offerGame = publishedGame(gm, body).get("slug").asText();
        register(gm(unique("leaves").replace(' ', '_')).known(), offerGame);
        offered.as().post("/api/v1/games/" + offerGame + "/waitlist").then().statusCode(201);
        next.as().post("/api/v1/games/" + offerGame + "/waitlist").then().statusCode(201);
        String leaver = gm.as().get("/api/v1/games/" + offerGame).then().extract().jsonPath().getString("player_ids[0]");
        gm.as().delete("/api/v1/games/" + offerGame + "/players/" + leaver).then().statusCode(204);
        gm.as().get("/api/v1/games/" + offerGame + "/waitlist").then().statusCode(200)
                .body("find { it.user_id == '" + offered.id() + "' }.status", equalTo("offered"));

        UserEvents.erased(seated.id());
        UserEvents.erased(offered.id());

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            waiting.as().get("/api/v1/games/" + seatGame + "/waitlist").then().statusCode(200)
                    .body("status", contains("offered"));
            next.as().get("/api/v1/games/" + offerGame + "/waitlist").then().statusCode(200)
                    .body("status", contains("offered"));
        });
        gm.as().get("/api/v1/games/" + seatGame).then().body("player_ids", org.hamcrest.Matchers.empty());
        gm.as().get("/api/v1/games/" + offerGame + "/waitlist").then().body("user_id", contains(next.id()));
    }
}
