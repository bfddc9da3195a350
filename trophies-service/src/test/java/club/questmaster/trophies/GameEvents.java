package club.questmaster.trophies;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.ConsumerGroups;
import club.questmaster.platform.testing.GameEventRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Game events as games-service publishes them, and a way to wait until trophies-service has consumed them all. */
public final class GameEvents {

    public static final String GROUP = "trophies-service";

    private GameEvents() {
    }

    public static String newGameId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    public static GameEventData archived(String gameId, String type, String gmId, List<String> players,
            Boolean awardTrophies) {
        return new GameEventData(UUID.randomUUID(), OffsetDateTime.now(), GameEventData.Actions.DELETE, gameId,
                "partie-" + gameId, "Partie " + gameId, type, "archived", gmId, players, gmId,
                Boolean.TRUE.equals(awardTrophies) ? "Annonce archivée. Badges distribués."
                        : "Annonce archivée. Badges non-distribués.",
                awardTrophies, null, null, GameEventData.SCHEMA_VERSION);
    }

    /**
     * A game called off (contract §7), as games-service reports it; {@code awardTrophies} set only to prove it is
     * ignored.
     */
    public static GameEventData cancelled(String gameId, String type, String gmId, List<String> players,
            Boolean awardTrophies) {
        return new GameEventData(UUID.randomUUID(), OffsetDateTime.now(), GameEventData.Actions.EDIT, gameId,
                "partie-" + gameId, "Partie " + gameId, type, "cancelled", gmId, players, gmId,
                "L'annonce a été annulée.", awardTrophies, null, null, GameEventData.SCHEMA_VERSION);
    }

    /** Publishes one record of {@code ceType} with the data's event id as {@code ce_id}, keyed by the game id. */
    public static void publish(ObjectMapper json, String ceType, GameEventData data) {
        GameEventRecords.publish(json, ceType, data);
    }

    public static void publishRaw(String key, String ceType, String ceId, String value) {
        GameEventRecords.publishRaw(key, ceType, ceId, value);
    }

    /** Waits until the service's consumer group has committed every record now in the topic (processed or DLQ'd). */
    public static void awaitAllConsumed() {
        ConsumerGroups.awaitCaughtUp(GROUP, Topics.GAME_EVENTS, Duration.ofSeconds(60));
    }
}
