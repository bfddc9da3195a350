package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import club.questmaster.games.Api.Event;
import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seats: registration rules, auto-close and auto-reopen, the gm's player management
 * (docs/original-rules.md#registration).
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RegistrationTest {

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

    /** Adds a player once the users projection has learnt about them (it is fed through Kafka). */
    static void addWhenKnown(User gm, String slug, String userId) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                gm.as().body(Map.of("user_id", userId)).post("/api/v1/games/" + slug + "/players").then()
                        .statusCode(201));
    }

    private JsonNode game(User gm, int partySize, boolean selection) {
        Map<String, Object> body = gameBody(unique("Seats"), systemId);
        body.put("party_size", partySize);
        body.put("party_selection", selection);
        return Api.publishedGame(gm, body);
    }

    @Test
    void aPlayerTakesASeatThenReachingPartySizeAutoClosesTheGame() {
        User gm = gm("mj");
        User alice = player("alice");
        User bob = player("bob");
        User carol = player("carol");
        JsonNode game = game(gm, 2, false);
        String base = "/api/v1/games/" + game.get("slug").asText();

        alice.as().post(base + "/registrations").then().statusCode(201).body("player_ids", contains(alice.id()))
                .body("status", equalTo("open"));
        alice.as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("DUPLICATE_REGISTRATION"))
                .body("detail", equalTo("Vous êtes déjà inscrit·e à cette partie."));
        bob.as().post(base + "/registrations").then().statusCode(201).body("status", equalTo("closed"));
        carol.as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_FULL"))
                .body("detail", equalTo("La partie est complète."));

        List<Event> events = events(probe, game.get("id").asLong(), 5);
        assertThat(events.subList(2, 5)).extracting(Event::type).containsExactly(Types.PLAYER_REGISTERED,
                Types.PLAYER_REGISTERED, Types.CLOSED);
        assertThat(events.get(2).description()).isEqualTo("Le·a joueur·euse s'est inscrit·e sur l'annonce.");
        assertThat(events.get(2).action()).isEqualTo("register");
        assertThat(events.get(2).userId()).isEqualTo(alice.id());
        assertThat(events.get(3).userId()).isEqualTo(bob.id());
        assertThat(events.get(4).action()).isEqualTo("edit");
        assertThat(events.get(4).userId()).isNull();
        assertThat(events.get(4).description()).isEqualTo(
                "Annonce fermée automatiquement après avoir atteint le nombre max de joueur·euses (2).");
        assertThat(events.get(4).data().get("player_ids").size()).isEqualTo(2);

        // A seat freed on an auto-closed game reopens it.
        bob.as().delete(base + "/registrations/me").then().statusCode(204);
        given().get(base).then().body("status", equalTo("open")).body("player_ids", contains(alice.id()));
        bob.as().delete(base + "/registrations/me").then().statusCode(409).body("code", equalTo("NOT_REGISTERED"));
        List<Event> after = events(probe, game.get("id").asLong(), 7);
        assertThat(after.get(5).type()).isEqualTo(Types.PLAYER_UNREGISTERED);
        assertThat(after.get(5).action()).isEqualTo("unregister");
        assertThat(after.get(5).userId()).isEqualTo(bob.id());
        assertThat(after.get(5).description()).isEqualTo("Le·a joueur·euse a été désinscrit·e de l'annonce.");
        assertThat(after.get(6).type()).isEqualTo(Types.REOPENED);
        assertThat(after.get(6).userId()).isNull();
        assertThat(after.get(6).description()).isEqualTo("Annonce rouverte automatiquement après désinscription.");
    }

    @Test
    void aGameClosedByHandStaysClosedWhenAPlayerLeaves() {
        User gm = gm("mj");
        User alice = player("alice");
        JsonNode game = game(gm, 3, false);
        String base = "/api/v1/games/" + game.get("slug").asText();
        alice.as().post(base + "/registrations").then().statusCode(201);
        gm.as().post(base + "/close").then().statusCode(200);
        player("late").as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_CLOSED"))
                .body("detail", equalTo("La partie est fermée aux inscriptions."));
        alice.as().delete(base + "/registrations/me").then().statusCode(204);
        given().get(base).then().body("status", equalTo("closed"));
        List<Event> events = events(probe, game.get("id").asLong(), 5);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.PUBLISHED,
                Types.PLAYER_REGISTERED, Types.CLOSED, Types.PLAYER_UNREGISTERED);
    }

    @Test
    void theGmCannotRegisterToTheirOwnGame() {
        User gm = gm("selfish");
        JsonNode game = game(gm, 3, false);
        gm.as().post("/api/v1/games/" + game.get("slug").asText() + "/registrations").then().statusCode(403)
                .body("detail", equalTo("Vous ne pouvez pas vous inscrire à votre propre partie."));
    }

    @Test
    void registrationIsRefusedOnDraftsArchivedGamesAndToAnonymousCallers() {
        User gm = gm("mj");
        User alice = player("alice");
        String draft = Api.createGame(gm, gameBody(unique("Draft"), systemId)).get("slug").asText();
        alice.as().post("/api/v1/games/" + draft + "/registrations").then().statusCode(404);
        Api.admin("adm").as().post("/api/v1/games/" + draft + "/registrations").then().statusCode(409)
                .body("code", equalTo("GAME_CLOSED"));
        JsonNode game = game(gm, 3, false);
        String base = "/api/v1/games/" + game.get("slug").asText();
        given().post(base + "/registrations").then().statusCode(401);
        gm.as().post(base + "/archive").then().statusCode(200);
        alice.as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_CLOSED"));
    }

    @Test
    void partySelectionRegistrationIsAnApplicationBypassingCapacityWithoutAutoCloseButAClosedGameTakesNone() {
        User gm = gm("selector");
        JsonNode game = game(gm, 1, true);
        String base = "/api/v1/games/" + game.get("slug").asText();
        player("a").as().post(base + "/registrations").then().statusCode(201).body("status", equalTo("open"));
        player("b").as().post(base + "/registrations").then().statusCode(201).body("player_ids", hasSize(2))
                .body("status", equalTo("open"));
        gm.as().post(base + "/close").then().statusCode(200);
        player("c").as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_CLOSED"));
        given().get(base).then().body("player_ids", hasSize(2));
        List<Event> events = events(probe, game.get("id").asLong(), 5);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.PUBLISHED,
                Types.PLAYER_REGISTERED, Types.PLAYER_REGISTERED, Types.CLOSED);
        assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(game.get("id").asText())))
                .hasSize(5);
    }

    @Test
    void theGmAddsAndRemovesKnownPlayersBypassingSeatsButNotOnArchivedGames() {
        User gm = gm("manager");
        User known = player("known").known();
        User other = player("other").known();
        User notPlayer = Api.user("lurker", Role.GM_NAME).known();
        JsonNode game = game(gm, 1, false);
        String slug = game.get("slug").asText();
        String base = "/api/v1/games/" + slug;
        addWhenKnown(gm, slug, known.id());
        given().get(base).then().body("status", equalTo("closed")).body("player_ids", contains(known.id()));
        // Bypasses the seat check on a full, closed game.
        addWhenKnown(gm, slug, other.id());
        gm.as().body(Map.of("user_id", other.id())).post(base + "/players").then().statusCode(409)
                .body("code", equalTo("DUPLICATE_REGISTRATION"));
        gm.as().body(Map.of("user_id", "123456789012345678")).post(base + "/players").then().statusCode(404);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                gm.as().body(Map.of("user_id", notPlayer.id())).post(base + "/players").then().statusCode(400)
                        .body("detail", equalTo("Cette personne n'est pas un·e joueur·euse sur le Discord")));
        player("stranger").as().body(Map.of("user_id", known.id())).post(base + "/players").then().statusCode(403);
        gm.as().body(Map.of("user_id", "abc")).post(base + "/players").then().statusCode(400);

        gm.as().delete(base + "/players/" + other.id()).then().statusCode(204);
        gm.as().delete(base + "/players/" + other.id()).then().statusCode(409).body("code", equalTo("NOT_REGISTERED"));
        // Still full at 1/1: stays closed.
        given().get(base).then().body("status", equalTo("closed"));
        gm.as().delete(base + "/players/" + known.id()).then().statusCode(204);
        given().get(base).then().body("status", equalTo("open"));

        List<Event> events = events(probe, game.get("id").asLong(), 8);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.PUBLISHED,
                Types.PLAYER_REGISTERED, Types.CLOSED, Types.PLAYER_REGISTERED, Types.PLAYER_UNREGISTERED,
                Types.PLAYER_UNREGISTERED, Types.REOPENED);
        assertThat(events.get(2).description()).isEqualTo("Le·a joueur·euse a été ajouté·e à la partie par le MJ.");
        assertThat(events.get(2).userId()).isEqualTo(known.id());
        assertThat(events.get(5).userId()).isEqualTo(other.id());

        addWhenKnown(gm, slug, other.id());
        gm.as().body(Map.of("award_trophies", true)).post(base + "/archive").then().statusCode(200);
        gm.as().body(Map.of("user_id", known.id())).post(base + "/players").then().statusCode(409)
                .body("code", equalTo("GAME_CLOSED"));
        gm.as().delete(base + "/players/" + other.id()).then().statusCode(409);
        other.as().delete(base + "/registrations/me").then().statusCode(409);
        Event archived = events(probe, game.get("id").asLong(), 12).get(11);
        assertThat(archived.data().get("player_ids").get(0).asText()).isEqualTo(other.id());
    }

    @Test
    void aRegisteredPlayerTheGmAndAdminsCanAlertButNotOthers() {
        User gm = gm("alerted");
        User alice = player("alice");
        JsonNode game = game(gm, 3, false);
        String base = "/api/v1/games/" + game.get("slug").asText();
        player("stranger").as().body(Map.of("message", "hé")).post(base + "/alert").then().statusCode(403);
        alice.as().body(Map.of("message", "")).post(base + "/alert").then().statusCode(400);
        alice.as().post(base + "/registrations").then().statusCode(201);
        alice.as().body(Map.of("message", "Propos déplacés")).post(base + "/alert").then().statusCode(204);
        gm.as().body(Map.of("message", "Besoin d'aide")).post(base + "/alert").then().statusCode(204);
        List<Event> events = events(probe, game.get("id").asLong(), 5);
        Event alert = events.get(3);
        assertThat(alert.type()).isEqualTo(Types.ALERTED);
        assertThat(alert.action()).isEqualTo("alert");
        assertThat(alert.description()).isEqualTo("Un signalement a été fait.");
        assertThat(alert.userId()).isNull();
        assertThat(alert.data().has("user_id")).isTrue();
    }
}
