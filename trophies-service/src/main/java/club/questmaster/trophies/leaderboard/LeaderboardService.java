package club.questmaster.trophies.leaderboard;

import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.trophies.catalog.BuiltInBadges;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four boards of the original (docs/original-rules.md#leaderboards): players and GMs, one-shots and campaigns,
 * each a top 10 by quantity of the matching built-in badge. Ties are ordered by user id, ascending, so the answer is
 * deterministic.
 */
@ApplicationScoped
public class LeaderboardService {

    static final int TOP = 10;
    private static final List<Long> BOARDS = List.of(BuiltInBadges.ONESHOT_PLAYER, BuiltInBadges.CAMPAIGN_PLAYER,
            BuiltInBadges.ONESHOT_GM, BuiltInBadges.CAMPAIGN_GM);

    private final LeaderboardRepository repository;
    private final UserDirectory users;

    public LeaderboardService(LeaderboardRepository repository, UserDirectory users) {
        this.repository = repository;
        this.users = users;
    }

    public Uni<Leaderboards> leaderboards() {
        return repository.topHolders(BOARDS, TOP).chain(boards -> {
            Set<String> ids = boards.values().stream().flatMap(List::stream).map(LeaderboardRepository.Rank::userId)
                    .collect(Collectors.toSet());
            return users.findAll(ids).map(known -> new Leaderboards(
                    board(boards.get(BuiltInBadges.ONESHOT_PLAYER), known),
                    board(boards.get(BuiltInBadges.CAMPAIGN_PLAYER), known),
                    board(boards.get(BuiltInBadges.ONESHOT_GM), known),
                    board(boards.get(BuiltInBadges.CAMPAIGN_GM), known)));
        });
    }

    private static List<LeaderboardEntry> board(List<LeaderboardRepository.Rank> ranks, Map<String, KnownUser> known) {
        return ranks.stream().map(rank -> {
            KnownUser user = known.get(rank.userId());
            return new LeaderboardEntry(rank.userId(), rank.count(), user == null ? null : user.displayName());
        }).toList();
    }
}
