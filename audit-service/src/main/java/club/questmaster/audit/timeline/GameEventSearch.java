package club.questmaster.audit.timeline;

import java.time.OffsetDateTime;

/** The filters of {@code GET /api/v1/game-events}, already validated; null means "any". */
public record GameEventSearch(String action, Long gameId, String userId, String q, OffsetDateTime from,
        OffsetDateTime to) {
}
