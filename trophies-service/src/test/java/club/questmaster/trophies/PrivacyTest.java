package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
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
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * api.md §8 in trophies-service (privacy package): the export section lists the badges held; the erasure deletes
 * them (off every leaderboard), none is awarded to the erased user again, and the other players keep theirs.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class PrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    private static ValidatableResponse badges(String user) {
        return given().get("/api/v1/users/" + user + "/badges").then().statusCode(200);
    }

    private JsonNode section(String userId) throws Exception {
        String exportId = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.open(Topics.PRIVACY_EXPORTS)) {
            UserEvents.exportRequested(userId, "holder", exportId, "player", "gm");
            JsonNode answer = json.readTree(probe.await(KafkaProbe.subject(exportId), 1, WAIT).get(0).value());
            assertEquals("trophies-service", answer.get("service").asText());
            assertEquals(userId, answer.get("user_id").asText());
            return answer.get("data");
        }
    }

    @Test
    void theExportListsTheBadgesAndTheErasureDeletesThemForGood() throws Exception {
        String erased = Tokens.newUserId();
        String other = Tokens.newUserId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "oneshot", erased, List.of(other), true));
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "campaign", other, List.of(erased), true));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> badges(erased).body("", hasSize(2)));

        JsonNode data = section(erased);
        assertEquals(2, data.get("trophies").size());
        assertEquals("Badge OS GM", data.get("trophies").get(0).get("name").asText());
        assertEquals(1, data.get("trophies").get(0).get("quantity").asInt());

        UserEvents.erased(erased);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> badges(erased).body("", hasSize(0)));
        badges(other).body("", hasSize(2));
        assertEquals(0, section(erased).get("trophies").size());

        // A game the erased user ran, archived afterwards: its players get their badge, the erased gm none.
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "oneshot", erased, List.of(other), true));
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                badges(other).body("find { it.trophy_id == 1 }.quantity", equalTo(2)));
        badges(erased).body("", hasSize(0));

        // The erasure read again (a replay) changes nothing.
        UserEvents.erased(erased);
        ConsumerGroups.awaitCaughtUp("trophies-service.privacy", Topics.USER_EVENTS, WAIT);
        badges(erased).body("", hasSize(0));
        badges(other).body("", hasSize(2));
    }
}
