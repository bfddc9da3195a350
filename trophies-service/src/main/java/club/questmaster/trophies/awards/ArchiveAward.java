package club.questmaster.trophies.awards;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.trophies.catalog.BuiltInBadges;
import club.questmaster.platform.security.UserIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The badges an archived game gives (docs/original-rules.md#awards): the gm +1 "Badge OS GM" or "Badge Campagne GM",
 * each player +1 "Badge OS" or "Badge Campagne". Built from a {@code questmaster.game.archived} event whose data asks
 * for awards; data no award can be computed from is a poison record (dead-letter topic), never a silent skip.
 */
public record ArchiveAward(UUID eventId, String gameId, String gmId, List<String> playerIds, long gmTrophyId,
        long playerTrophyId) {

    static final String ONESHOT = "oneshot";
    static final String CAMPAIGN = "campaign";
    static final String CANCELLED = "cancelled";

    /**
     * Only an archive that asks for awards gives badges. A cancelled game (contract §7: called off by its gm or at
     * go/no-go) never does, whatever its event carries: neither its {@code questmaster.game.cancelled} event nor an
     * event reporting the status {@code cancelled}.
     */
    static boolean givesBadges(String ceType, GameEventData data) {
        return GameEventData.Types.ARCHIVED.equals(ceType) && Boolean.TRUE.equals(data.awardTrophies())
                && !CANCELLED.equals(data.status());
    }

    static ArchiveAward from(UUID eventId, GameEventData data) {
        if (data.gameId() == null || !data.gameId().matches("\\d{1,32}")) {
            throw new PoisonRecordException("archived event without a valid game_id");
        }
        if (!UserIds.valid(data.gmId())) {
            throw new PoisonRecordException("archived event with awards but no valid gm_id");
        }
        List<String> players = data.playerIds() == null ? List.of() : data.playerIds();
        for (String player : players) {
            if (!UserIds.valid(player)) {
                throw new PoisonRecordException("archived event with an invalid id in player_ids");
            }
        }
        List<String> distinctPlayers = List.copyOf(new LinkedHashSet<>(players));
        if (ONESHOT.equals(data.gameType())) {
            return new ArchiveAward(eventId, data.gameId(), data.gmId(), distinctPlayers, BuiltInBadges.ONESHOT_GM,
                    BuiltInBadges.ONESHOT_PLAYER);
        }
        if (CAMPAIGN.equals(data.gameType())) {
            return new ArchiveAward(eventId, data.gameId(), data.gmId(), distinctPlayers, BuiltInBadges.CAMPAIGN_GM,
                    BuiltInBadges.CAMPAIGN_PLAYER);
        }
        throw new PoisonRecordException("archived event with an unknown game_type " + data.gameType());
    }
}
