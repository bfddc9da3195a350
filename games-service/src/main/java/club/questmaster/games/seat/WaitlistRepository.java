package club.questmaster.games.seat;

import club.questmaster.games.game.GameView.Queue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code waitlist_entry} table (the queues), through the request's own Hibernate session. */
@ApplicationScoped
public class WaitlistRepository {

    /** The queue in order; read under the game's row lock, it is the queue the transaction commits against. */
    public Uni<List<WaitlistEntry>> queue(long gameId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select w.playerId, w.seq, w.joinedAt, w.offeredUntil from WaitlistRow w where w.gameId = :game"
                        + " order by w.seq", Object[].class)
                .setParameter("game", gameId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new WaitlistEntry((String) r[0], ((Number) r[1]).longValue(),
                        (OffsetDateTime) r[2], (OffsetDateTime) r[3])).toList());
    }

    /** How many are queued and how many of them hold an offer (a held seat is not free). */
    public Uni<Queue> counts(long gameId) {
        return counts(List.of(gameId)).map(byGame -> byGame.getOrDefault(gameId, Queue.NONE));
    }

    public Uni<Map<Long, Queue>> counts(Collection<Long> gameIds) {
        if (gameIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select w.gameId, count(w), count(w.offeredUntil) from WaitlistRow w where w.gameId in :ids"
                        + " group by w.gameId", Object[].class)
                .setParameter("ids", List.copyOf(gameIds))
                .getResultList())
                .map(rows -> {
                    Map<Long, Queue> byGame = new HashMap<>();
                    for (Object[] r : rows) {
                        byGame.put(((Number) r[0]).longValue(),
                                new Queue(((Number) r[1]).intValue(), ((Number) r[2]).intValue()));
                    }
                    return byGame;
                });
    }

    public Uni<Void> add(long gameId, String playerId) {
        return update("INSERT INTO waitlist_entry (game_id, player_id) VALUES (:game, :player)", gameId, playerId);
    }

    public Uni<Void> remove(long gameId, String playerId) {
        return update("DELETE FROM waitlist_entry WHERE game_id = :game AND player_id = :player", gameId, playerId);
    }

    public Uni<Void> offer(long gameId, String playerId, OffsetDateTime until) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE waitlist_entry SET status = 'offered', offered_until = :until"
                        + " WHERE game_id = :game AND player_id = :player")
                .setParameter("until", until)
                .setParameter("game", gameId)
                .setParameter("player", playerId)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> clear(long gameId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM waitlist_entry WHERE game_id = :game")
                .setParameter("game", gameId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * One game with an offer past its deadline, its row locked {@code FOR UPDATE SKIP LOCKED}: each due game is claimed
     * by exactly one replica's sweep, and one that another sweep or a request holds right now is skipped (left for
     * them, or for the next sweep). An empty list when none is left.
     */
    public Uni<List<Long>> lockGameWithExpiredOffers(OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT g.id FROM game g WHERE g.id IN (SELECT w.game_id FROM waitlist_entry w"
                        + " WHERE w.status = 'offered' AND w.offered_until <= :now)"
                        + " ORDER BY g.id LIMIT 1 FOR UPDATE OF g SKIP LOCKED", Long.class)
                .setParameter("now", now)
                .getResultList());
    }

    private Uni<Void> update(String sql, long gameId, String playerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter("game", gameId)
                .setParameter("player", playerId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
