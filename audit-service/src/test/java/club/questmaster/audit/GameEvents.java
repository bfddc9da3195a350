package club.questmaster.audit;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.testing.GameEventRecords;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Game events as games-service publishes them (CloudEvents binary mode, key = game id), for the tests. */
final class GameEvents {

    private GameEvents() {
    }

    /** A game id no other test uses. */
    static long newGameId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
    }

    static String newUserId() {
        return Tokens.newUserId();
    }

    static GameEventData event(UUID eventId, long gameId, String slug, String gmId, String action, String userId,
            String description, OffsetDateTime occurredAt) {
        return new GameEventData(eventId, occurredAt, action, Long.toString(gameId), slug, "Partie " + slug, "oneshot",
                "open", gmId, List.of(), userId, description, null, null, null, GameEventData.SCHEMA_VERSION);
    }

    static GameEventData event(long gameId, String slug, String gmId, String action, String userId, String description) {
        return event(UUID.randomUUID(), gameId, slug, gmId, action, userId, description,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Produces the event with its event_id as ce_id (so producing it again is a redelivery) and waits for the ack. */
    static void publish(ObjectMapper json, GameEventData event) {
        GameEventRecords.publish(json, typeOf(event.action()), event);
    }

    static String typeOf(String action) {
        return switch (action) {
            case GameEventData.Actions.CREATE -> GameEventData.Types.CREATED;
            case GameEventData.Actions.DELETE -> GameEventData.Types.ARCHIVED;
            case GameEventData.Actions.CREATE_SESSION -> GameEventData.Types.SESSION_CREATED;
            case GameEventData.Actions.EDIT_SESSION -> GameEventData.Types.SESSION_UPDATED;
            case GameEventData.Actions.DELETE_SESSION -> GameEventData.Types.SESSION_DELETED;
            case GameEventData.Actions.REGISTER -> GameEventData.Types.PLAYER_REGISTERED;
            case GameEventData.Actions.UNREGISTER -> GameEventData.Types.PLAYER_UNREGISTERED;
            case GameEventData.Actions.ALERT -> GameEventData.Types.ALERTED;
            default -> GameEventData.Types.UPDATED;
        };
    }
}
