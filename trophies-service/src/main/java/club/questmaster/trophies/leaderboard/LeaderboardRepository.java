package club.questmaster.trophies.leaderboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-N per trophy in one round trip. A user holds a trophy in one row (primary key user + trophy), so their sum of
 * quantity for a board's trophy is that row's quantity: each board is the first N entries of the index
 * {@code user_trophy_board (trophy_id, quantity DESC, user_id)}, whatever the table size. Read-only, so it uses the
 * reactive pool directly rather than a Hibernate session.
 */
@ApplicationScoped
public class LeaderboardRepository {

    private static final String TOP_PER_TROPHY = """
            SELECT b.trophy_id, top.user_id, top.quantity
            FROM unnest($1::bigint[]) AS b(trophy_id)
            CROSS JOIN LATERAL (
                SELECT ut.user_id, ut.quantity
                FROM user_trophy ut
                WHERE ut.trophy_id = b.trophy_id
                ORDER BY ut.quantity DESC, ut.user_id
                LIMIT $2
            ) AS top
            ORDER BY b.trophy_id, top.quantity DESC, top.user_id""";

    private final Pool pool;

    public LeaderboardRepository(Pool pool) {
        this.pool = pool;
    }

    public record Rank(String userId, long count) {
    }

    /** For each trophy, its top {@code limit} holders by quantity, ties by user id (ascending, as text). */
    public Uni<Map<Long, List<Rank>>> topHolders(Collection<Long> trophyIds, int limit) {
        return pool.preparedQuery(TOP_PER_TROPHY)
                .execute(Tuple.of(trophyIds.toArray(Long[]::new), limit))
                .map(rows -> {
                    Map<Long, List<Rank>> boards = new LinkedHashMap<>();
                    trophyIds.forEach(id -> boards.put(id, new ArrayList<>()));
                    rows.forEach(row -> boards.get(row.getLong("trophy_id"))
                            .add(new Rank(row.getString("user_id"), row.getInteger("quantity"))));
                    return boards;
                });
    }
}
