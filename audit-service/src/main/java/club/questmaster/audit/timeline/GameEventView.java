package club.questmaster.audit.timeline;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A timeline row as the API answers it (contract §5). */
public record GameEventView(long id, UUID eventId, OffsetDateTime timestamp, String action, long gameId,
        String gameSlug, String description, String userId) {

    /** The JSON answer carries the timestamp at the community's offset (platform-web JacksonSetup). */
    static GameEventView of(GameEvent row) {
        return new GameEventView(row.id, row.eventId, row.timestamp, row.action, row.gameId, row.gameSlug,
                row.description, row.userId);
    }
}
