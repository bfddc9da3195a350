package club.questmaster.audit.ingest;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a {@code questmaster.game-events} record into a {@link ReceivedEvent}, or refuses it with the reason
 * ({@link PoisonRecordException}) when no retry could ever store it.
 */
@ApplicationScoped
public class GameEventReader {

    private static final int MAX_SLUG_LENGTH = 200;

    private final IncomingEvent.Reader<GameEventData> events;

    public GameEventReader(ObjectMapper json) {
        this.events = IncomingEvent.reader(GameEventData.class, json, GameEventData.SCHEMA_VERSION);
    }

    ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<GameEventData> event = events.read(record);
        GameEventData data = event.data();
        if (data.action() == null || !GameEventData.Actions.ALL.contains(data.action())) {
            throw new PoisonRecordException("action " + quoted(data.action()) + " is not one of "
                    + GameEventData.Actions.ALL);
        }
        long gameId;
        try {
            gameId = Long.parseLong(required("game_id", data.gameId()));
        } catch (NumberFormatException e) {
            throw new PoisonRecordException("game_id " + quoted(data.gameId()) + " is not a number");
        }
        if (gameId <= 0) {
            throw new PoisonRecordException("game_id " + gameId + " is not a positive number");
        }
        String slug = required("game_slug", data.gameSlug());
        if (slug.length() > MAX_SLUG_LENGTH) {
            throw new PoisonRecordException("game_slug is longer than " + MAX_SLUG_LENGTH + " characters");
        }
        String gmId = required("gm_id", data.gmId());
        // When the change was committed; ce_time carries the same instant for producers that omit occurred_at.
        OffsetDateTime timestamp = data.occurredAt() != null ? data.occurredAt() : event.time();
        if (timestamp == null) {
            throw new PoisonRecordException("missing occurred_at (and ce_time)");
        }
        String userId = data.userId() == null || data.userId().isBlank() ? null : data.userId();
        return new ReceivedEvent(event.id(), timestamp, data.action(), gameId, slug, data.description(), userId, gmId);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("missing field " + field);
        }
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
