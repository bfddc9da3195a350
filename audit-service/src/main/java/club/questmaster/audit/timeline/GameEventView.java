package club.questmaster.audit.timeline;

import club.questmaster.platform.web.CommunityTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A timeline row as the API answers it (contract §5). */
public record GameEventView(long id, UUID eventId, OffsetDateTime timestamp, String action, long gameId,
        String gameSlug, String description, String userId) {

    /** The timestamp at the community's offset (contract §1: responses carry the offset). */
    static GameEventView of(GameEvent row, CommunityTime time) {
        return new GameEventView(row.id, row.eventId, time.local(row.timestamp), row.action, row.gameId, row.gameSlug,
                row.description, row.userId);
    }
}
