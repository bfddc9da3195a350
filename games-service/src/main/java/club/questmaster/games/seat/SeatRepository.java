package club.questmaster.games.seat;

import club.questmaster.games.game.GameView.SessionView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A game's roster, queue and sessions read in one statement, through the request's own Hibernate session (so inside
 * its transaction, after the game row was locked): what every seat change needs to check its rules and to answer the
 * game as it leaves it. Three statements before (roster, queue, then the sessions after the write); one round trip
 * now (docs/performance.md, P1).
 *
 * <p>In HQL, not SQL: Hibernate Reactive 3.2 wraps a native select's result mapping in a class without
 * {@code equals}, so each execution of a native select misses the query plan cache and stores one more copy of itself
 * under the same hash; a statement run on every registration soon fills the cache and every lookup walks the copies
 * (a third of games-service's CPU in the profile, docs/performance.md). HQL plans are cached once.
 */
@ApplicationScoped
public class SeatRepository {

    /**
     * One row per player, queue entry and session, tagged with its kind; the columns line up as (kind, player, number,
     * time, time). The order within each kind is applied in Java (an order over a union is by position only).
     */
    private static final String SEATS = "select 'player', p.playerId, 0L, p.registeredAt, p.registeredAt"
            + " from PlayerRow p where p.gameId = :game"
            + " union all select 'queue', w.playerId, w.seq, w.joinedAt, w.offeredUntil"
            + " from WaitlistRow w where w.gameId = :game"
            + " union all select 'session', '', s.id, s.startsAt, s.endsAt from GameSession s where s.gameId = :game";

    private record Player(String id, OffsetDateTime registeredAt) {
    }

    /** The roster, the queue and the sessions of one game, each in its order. */
    public record Seats(List<String> players, List<WaitlistEntry> queue, List<SessionView> sessions) {
    }

    public Uni<Seats> of(long gameId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(SEATS, Object[].class)
                .setParameter("game", gameId)
                .getResultList())
                .map(SeatRepository::seats);
    }

    private static Seats seats(List<Object[]> rows) {
        List<Player> players = new ArrayList<>();
        List<WaitlistEntry> queue = new ArrayList<>();
        List<SessionView> sessions = new ArrayList<>();
        for (Object[] r : rows) {
            switch ((String) r[0]) {
                case "player" -> players.add(new Player((String) r[1], (OffsetDateTime) r[3]));
                case "queue" -> queue.add(new WaitlistEntry((String) r[1], (Long) r[2], (OffsetDateTime) r[3],
                        (OffsetDateTime) r[4]));
                case "session" -> sessions.add(new SessionView((Long) r[2], (OffsetDateTime) r[3],
                        (OffsetDateTime) r[4]));
                default -> throw new IllegalStateException("unexpected seat row kind " + r[0]);
            }
        }
        // the orders GameRepository#playerIds, WaitlistRepository#queue and SessionRepository#ofGame read them in
        players.sort(Comparator.comparing(Player::registeredAt).thenComparing(Player::id));
        queue.sort(Comparator.comparingLong(WaitlistEntry::seq));
        sessions.sort(Comparator.comparing(SessionView::start).thenComparingLong(SessionView::id));
        return new Seats(players.stream().map(Player::id).toList(), queue, sessions);
    }
}
