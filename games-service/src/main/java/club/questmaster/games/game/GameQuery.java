package club.questmaster.games.game;

import java.util.List;

/**
 * The list filters of {@code GET /api/v1/games} (docs/original-rules.md#list-filters): repeatable
 * status/type/restriction, name substring, references, gm, player. {@code viewerId}/{@code viewerIsAdmin} decide which
 * drafts are visible.
 */
public record GameQuery(List<String> statuses, List<String> types, List<String> restrictions, String name,
        Long systemId, Long vttId, String gmId, String playerId, Long specialEventId, String viewerId,
        boolean viewerIsAdmin) {
}
