package club.questmaster.platform.testing;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Publishes game events as games-service's outbox does (CloudEvents binary mode, key = game id, {@code ce_id} = the
 * data's event id, so publishing the same data again is a redelivery), for consumers' tests. The twin of
 * {@link UserEvents}.
 */
public final class GameEventRecords {

    private GameEventRecords() {
    }

    public static void publish(ObjectMapper json, String ceType, GameEventData data) {
        try {
            publishRaw(data.gameId(), ceType, data.eventId().toString(), json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any value, even one that is not valid event data (poison-record tests). */
    public static void publishRaw(String key, String ceType, String ceId, String value) {
        KafkaProbe.produce(Topics.GAME_EVENTS, key, ceType, CloudEvents.GAMES_SOURCE, Map.of(CloudEvents.ID, ceId), value);
    }
}
