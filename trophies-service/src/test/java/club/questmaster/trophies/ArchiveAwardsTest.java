package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Automatic awards from questmaster.game-events (contract §4, events.md), through the real broker: the gm and every
 * player get their badge once per archive, however often the event is delivered; unreadable records go to the DLQ.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ArchiveAwardsTest {

    @Inject
    ObjectMapper json;

    private static ValidatableResponse badges(String user) {
        return given().when().get("/api/v1/users/" + user + "/badges").then().statusCode(200);
    }

    private static void awaitBadge(String user, int trophyId, int quantity) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                badges(user).body("find { it.trophy_id == " + trophyId + " }.quantity", equalTo(quantity)));
    }

    @Test
    void aOneShotArchivedWithAwardsGivesTheGmBadgeOsGmAndEachPlayerBadgeOs() {
        String gm = Tokens.newUserId();
        String alice = Tokens.newUserId();
        String bob = Tokens.newUserId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "oneshot", gm, List.of(alice, bob), true));
        awaitBadge(gm, 2, 1);
        awaitBadge(alice, 1, 1);
        awaitBadge(bob, 1, 1);
        badges(gm).body("", hasSize(1)).body("[0].name", equalTo("Badge OS GM"))
                .body("[0].icon", equalTo("/static/img/os_gm.png"));
        badges(alice).body("", hasSize(1)).body("[0].name", equalTo("Badge OS"));
    }

    @Test
    void aCampaignArchivedWithAwardsGivesBadgeCampagneGmAndBadgeCampagneAndCounts() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player), true));
        awaitBadge(gm, 4, 1);
        awaitBadge(player, 3, 1);
        // A second campaign of the same people: non-unique badges count up.
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player), true));
        awaitBadge(gm, 4, 2);
        awaitBadge(player, 3, 2);
        badges(player).body("", hasSize(1)).body("[0].name", equalTo("Badge Campagne"));
        badges(gm).body("", hasSize(1)).body("[0].name", equalTo("Badge Campagne GM"));
    }

    @Test
    void anArchiveWithoutAwardsGivesNothing() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "oneshot", gm, List.of(player), false));
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player), null));
        GameEvents.awaitAllConsumed();
        badges(gm).body("", empty());
        badges(player).body("", empty());
    }

    @Test
    void aCancelledGameGivesNoBadgeWhateverItsEventsCarry() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        String game = GameEvents.newGameId();
        GameEvents.publish(json, GameEventData.Types.CANCELLED,
                GameEvents.cancelled(game, "oneshot", gm, List.of(player), true));
        // An archive event reporting a cancelled game (no such move exists; a faulty producer) gives none either.
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.cancelled(game, "campaign", gm, List.of(player), true));
        GameEvents.awaitAllConsumed();
        badges(gm).body("", empty());
        badges(player).body("", empty());
    }

    @Test
    void aGameWithNoPlayersGivesOnlyTheGmBadge() {
        String gm = Tokens.newUserId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "oneshot", gm, List.of(), true));
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(GameEvents.newGameId(), "campaign", gm, null, true));
        awaitBadge(gm, 2, 1);
        awaitBadge(gm, 4, 1);
        badges(gm).body("", hasSize(2));
    }

    @Test
    void theSameArchiveEventDeliveredThreeTimesAwardsOnce() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        GameEventData archived = GameEvents.archived(GameEvents.newGameId(), "oneshot", gm, List.of(player), true);
        for (int delivery = 0; delivery < 3; delivery++) {
            GameEvents.publish(json, GameEventData.Types.ARCHIVED, archived);
        }
        GameEvents.awaitAllConsumed();
        badges(gm).body("", hasSize(1)).body("[0].quantity", equalTo(1));
        badges(player).body("", hasSize(1)).body("[0].quantity", equalTo(1));
    }

    @Test
    void archivesConsumedTogetherEachCountAndARedeliveryAmongThemCountsOnce() {
        // Published back to back, so most land in one batch (one statement): the badges of each game add up.
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        GameEventData first = GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player), true);
        GameEvents.publish(json, GameEventData.Types.ARCHIVED, first);
        for (int game = 0; game < 4; game++) {
            GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                    GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player, player), true));
        }
        GameEvents.publish(json, GameEventData.Types.ARCHIVED, first);
        awaitBadge(gm, 4, 5);
        awaitBadge(player, 3, 5);
        GameEvents.awaitAllConsumed();
        badges(gm).body("", hasSize(1)).body("[0].quantity", equalTo(5));
        badges(player).body("", hasSize(1)).body("[0].quantity", equalTo(5));
    }

    @Test
    void aSecondArchiveEventOfTheSameGameAwardsNothingMore() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        String game = GameEvents.newGameId();
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(game, "campaign", gm, List.of(player), true));
        GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                GameEvents.archived(game, "campaign", gm, List.of(player), true));
        GameEvents.awaitAllConsumed();
        badges(gm).body("[0].quantity", equalTo(1));
        badges(player).body("[0].quantity", equalTo(1));
    }

    @Test
    void aFailureOfOurOwnIsRetriedUntilTheAwardSucceedsOnce() throws Exception {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement sql = db.createStatement()) {
            // The awards cannot be written while the table is away: the consumer fails, backs off and retries.
            sql.execute("ALTER TABLE user_trophy RENAME TO user_trophy_away");
            try {
                GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                        GameEvents.archived(GameEvents.newGameId(), "campaign", gm, List.of(player), true));
                Thread.sleep(3_000);
            } finally {
                sql.execute("ALTER TABLE user_trophy_away RENAME TO user_trophy");
            }
        }
        awaitBadge(gm, 4, 1);
        awaitBadge(player, 3, 1);
        GameEvents.awaitAllConsumed();
        badges(gm).body("", hasSize(1)).body("[0].quantity", equalTo(1));
        badges(player).body("", hasSize(1)).body("[0].quantity", equalTo(1));
    }

    @Test
    void otherEventTypesAreAcknowledgedAndIgnored() {
        String gm = Tokens.newUserId();
        String player = Tokens.newUserId();
        String game = GameEvents.newGameId();
        for (String type : List.of(GameEventData.Types.CLOSED, GameEventData.Types.UPDATED,
                GameEventData.Types.PLAYER_REGISTERED)) {
            // Even with award_trophies set, only an archive gives badges.
            GameEvents.publish(json, type, GameEvents.archived(game, "oneshot", gm, List.of(player), true));
        }
        GameEvents.awaitAllConsumed();
        badges(gm).body("", empty());
        badges(player).body("", empty());
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReasonAndTheNextRecordIsStillProcessed() {
        String gm = Tokens.newUserId();
        String game = GameEvents.newGameId();
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            String poisonId = UUID.randomUUID().toString();
            GameEvents.publishRaw(game, GameEventData.Types.ARCHIVED, poisonId, "{ this is not json");
            GameEventData unknownType = GameEvents.archived(game, "marathon", gm, List.of(), true);
            String badTypeId = unknownType.eventId().toString();
            GameEvents.publish(json, GameEventData.Types.ARCHIVED, unknownType);
            GameEvents.publish(json, GameEventData.Types.ARCHIVED,
                    GameEvents.archived(game, "oneshot", gm, List.of(), true));

            List<ConsumerRecord<String, String>> dead = dlq.await(
                    r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), 1, Duration.ofSeconds(30));
            String reason = KafkaProbe.header(dead.get(0), "dead-letter-reason");
            assertNotNull(reason);
            assertTrue(reason.contains("not JSON"), reason);
            assertEquals("{ this is not json", dead.get(0).value());
            assertEquals(game, dead.get(0).key());

            List<ConsumerRecord<String, String>> unusable = dlq.await(
                    r -> badTypeId.equals(KafkaProbe.header(r, "ce_id")), 1, Duration.ofSeconds(30));
            assertTrue(KafkaProbe.header(unusable.get(0), "dead-letter-reason").contains("game_type"));
        }
        awaitBadge(gm, 2, 1);
        badges(gm).body("", hasSize(1));
    }
}
