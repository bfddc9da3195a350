package club.questmaster.trophies.leaderboard;

import java.util.List;

/** {@code GET /api/v1/leaderboards}: the original's four top-10 boards (docs/original-rules.md#leaderboards). */
public record Leaderboards(List<LeaderboardEntry> oneshotPlayers, List<LeaderboardEntry> campaignPlayers,
        List<LeaderboardEntry> oneshotGms, List<LeaderboardEntry> campaignGms) {
}
