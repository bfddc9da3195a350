package club.questmaster.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.platform.testing.ConsumerGroups;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * api.md §8 in audit-service (privacy package): the export section lists the user's timeline rows and the games
 * they own; the erasure keeps every row's action and time, with user_id null, and touches no one else's rows.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class PrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    UserDirectory directory;

    private static ValidatableResponse timeline(long gameId) {
        String admin = Tokens.bearer(Tokens.of(GameEvents.newUserId(), "admin", Role.ADMIN_NAME));
        return given().header("Authorization", admin).get("/api/v1/games/{id}/events", gameId).then().statusCode(200);
    }

    private JsonNode section(String userId) throws Exception {
        String exportId = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.open(Topics.PRIVACY_EXPORTS)) {
            UserEvents.exportRequested(userId, "auteur", exportId, "player", "gm");
            JsonNode answer = json.readTree(probe.await(KafkaProbe.subject(exportId), 1, WAIT).get(0).value());
            assertEquals("audit-service", answer.get("service").asText());
            return answer.get("data");
        }
    }

    @Test
    void theExportListsTheUsersRowsAndTheErasureKeepsThemWithoutTheirId() throws Exception {
        long gameId = GameEvents.newGameId();
        String slug = "la-crypte-" + gameId;
        String erased = GameEvents.newUserId();
        String player = GameEvents.newUserId();
        OffsetDateTime t0 = OffsetDateTime.of(2026, 5, 1, 18, 0, 0, 0, ZoneOffset.UTC);
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, erased,
                GameEventData.Actions.CREATE, erased, "Annonce créée avec le statut draft.", t0));
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, erased,
                GameEventData.Actions.REGISTER, player, "Le·a joueur·euse s'est inscrit·e sur l'annonce.",
                t0.plusHours(1)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> timeline(gameId).body("total", equalTo(2)));

        JsonNode data = section(erased);
        assertEquals(1, data.get("events").size());
        assertEquals("create", data.get("events").get(0).get("action").asText());
        assertEquals(slug, data.get("games_owned").get(0).get("game_slug").asText());

        UserEvents.erased(erased);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline(gameId)
                .body("items.find { it.action == 'create' }.user_id", nullValue()));
        timeline(gameId).body("total", equalTo(2))
                .body("items.find { it.action == 'create' }.description", equalTo("Annonce créée avec le statut draft."))
                .body("items.find { it.action == 'register' }.user_id", equalTo(player));
        assertEquals(0, section(erased).get("events").size());

        UserEvents.erased(erased);
        ConsumerGroups.awaitCaughtUp("audit-service.privacy", Topics.USER_EVENTS, WAIT);
        timeline(gameId).body("total", equalTo(2)).body("items.user_id", everyItem(org.hamcrest.Matchers.anyOf(
                nullValue(), equalTo(player))));
    }

    /**
     * The users projection consumes the erasure on its own, and may apply it before the privacy consumer does: it
     * forgets the user's names, which the timeline's descriptions must lose first. Here the projection alone erases
     * (the privacy consumer never sees an event), and the timeline is clean all the same.
     */
    @Test
    void theProjectionsErasureAloneReplacesTheNamesInTheTimeline() {
        long gameId = GameEvents.newGameId();
        String slug = "le-phare-" + gameId;
        String erased = GameEvents.newUserId();
        String username = "gaspard" + erased.substring(erased.length() - 4);
        UserEvents.created(erased, username, Role.PLAYER_NAME);
        Awaitility.await().atMost(WAIT).until(() -> directory.find(erased).await().indefinitely().isPresent());
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, GameEvents.newUserId(),
                GameEventData.Actions.REGISTER, erased, username + " s'est inscrit·e sur l'annonce.",
                OffsetDateTime.of(2026, 5, 2, 18, 0, 0, 0, ZoneOffset.UTC)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> timeline(gameId).body("total", equalTo(1)));

        directory.erase(erased, OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID()).await().indefinitely();

        timeline(gameId).body("items[0].user_id", nullValue())
                .body("items[0].description", equalTo("Utilisateur·rice supprimé·e s'est inscrit·e sur l'annonce."))
                .body("items[0].action", equalTo("register"));
    }

    /**
     * An event about the user can still be on its way when the erasure is applied (games-service wrote it just
     * before, or the two topics are read at different paces): it must not bring the user's id back into the
     * timeline. The user's rows here are erased first, then a registration of theirs arrives.
     */
    @Test
    void anEventThatArrivesAfterTheErasureIsStoredWithoutTheUsersId() {
        long gameId = GameEvents.newGameId();
        String slug = "la-tour-" + gameId;
        String erased = GameEvents.newUserId();
        String gm = GameEvents.newUserId();
        UserEvents.created(erased, "ysaline" + erased.substring(erased.length() - 4), Role.PLAYER_NAME);
        Awaitility.await().atMost(WAIT).until(() -> directory.find(erased).await().indefinitely().isPresent());
        directory.erase(erased, OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID()).await().indefinitely();

        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gm,
                GameEventData.Actions.REGISTER, erased, "Le·a joueur·euse s'est inscrit·e sur l'annonce.",
                OffsetDateTime.of(2026, 5, 3, 18, 0, 0, 0, ZoneOffset.UTC)));
        GameEvents.publish(json, GameEvents.event(UUID.randomUUID(), gameId, slug, gm,
                GameEventData.Actions.EDIT, gm, "L'annonce a été modifiée.",
                OffsetDateTime.of(2026, 5, 3, 19, 0, 0, 0, ZoneOffset.UTC)));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> timeline(gameId).body("total", equalTo(2)));
        timeline(gameId).body("items.find { it.action == 'register' }.user_id", nullValue())
                .body("items.find { it.action == 'register' }.description",
                        equalTo("Le·a joueur·euse s'est inscrit·e sur l'annonce."))
                .body("items.find { it.action == 'edit' }.user_id", equalTo(gm));
    }
}
