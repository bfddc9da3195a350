package club.questmaster.games.seat;

import club.questmaster.games.game.GameView.SessionView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A game's roster, queue and sessions read in one statement, inside the transaction that locked the game row: what
 * every seat change needs to check its rules and to answer the game as it leaves it. Three statements before
 * (roster, queue, then the sessions after the write); one round trip now (docs/performance.md, P1). Two ways in: the
 * request's Hibernate session, or the connection of a reactive pool transaction (the registration), each the same
 * union of the same columns.
 *
 * <p>Through Hibernate, in HQL, not SQL: Hibernate Reactive 3.2 wraps a native select's result mapping in a class
 * without {@code equals}, so each execution of a native select misses the query plan cache and stores one more copy
 * of itself under the same hash; a statement run on every registration soon fills the cache and every lookup walks
 * the copies (a third of games-service's CPU in the profile, docs/performance.md). HQL plans are cached once.
 */
@ApplicationScoped
public class SeatRepository {

    /**
     * One row per player, queue entry and session, tagged with its kind; the columns line up as (kind, player, number,
     * time, time). The order within each kind is applied in Java (an order over a union is by position only).
     */
    private static final String SEATS_HQL = "select 'player', p.playerId, 0L, p.registeredAt, p.registeredAt"
            + " from PlayerRow p where p.gameId = :game"
            + " union all select 'queue', w.playerId, w.seq, w.joinedAt, w.offeredUntil"
            + " from WaitlistRow w where w.gameId = :game"
            + " union all select 'session', '', s.id, s.startsAt, s.endsAt from GameSession s where s.gameId = :game";

    /** {@link #SEATS_HQL} in SQL, for the PostgreSQL client. */
    static final String SEATS_SQL = "SELECT 'player' AS kind, player_id, 0::bigint AS number, registered_at AS t1,"
            + " registered_at AS t2 FROM game_player WHERE game_id = $1"
            + " UNION ALL SELECT 'queue', player_id, seq, joined_at, offered_until FROM waitlist_entry WHERE game_id = $1"
            + " UNION ALL SELECT 'session', '', id, starts_at, ends_at FROM game_session WHERE game_id = $1";

    /** One row of the union. */
    private record SeatRow(String kind, String playerId, long number, OffsetDateTime first, OffsetDateTime second) {
    }

    private record Player(String id, OffsetDateTime registeredAt) {
    }

    /** The roster, the queue and the sessions of one game, each in its order. */
    public record Seats(List<String> players, List<WaitlistEntry> queue, List<SessionView> sessions) {
    }

    /** Through the request's Hibernate session. */
    public Uni<Seats> of(long gameId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(SEATS_HQL, Object[].class)
                .setParameter("game", gameId)
                .getResultList())
                .map(rows -> seats(rows.stream().map(r -> new SeatRow((String) r[0], (String) r[1], (Long) r[2],
                        (OffsetDateTime) r[3], (OffsetDateTime) r[4])).toList()));
    }

    /** On {@code connection}, inside its transaction. */
    public Uni<Seats> of(SqlConnection connection, long gameId) {
        return connection.preparedQuery(SEATS_SQL).execute(Tuple.of(gameId)).map(rows -> {
            List<SeatRow> read = new ArrayList<>(rows.size());
            for (Row r : rows) {
                read.add(new SeatRow(r.getString(0), r.getString(1), r.getLong(2), r.getOffsetDateTime(3),
                        r.getOffsetDateTime(4)));
            }
            return seats(read);
        });
    }

    private static Seats seats(List<SeatRow> rows) {
        List<Player> players = new ArrayList<>();
        List<WaitlistEntry> queue = new ArrayList<>();
        List<SessionView> sessions = new ArrayList<>();
        for (SeatRow r : rows) {
            switch (r.kind()) {
                case "player" -> players.add(new Player(r.playerId(), r.first()));
                case "queue" -> queue.add(new WaitlistEntry(r.playerId(), r.number(), r.first(), r.second()));
                case "session" -> sessions.add(new SessionView(r.number(), r.first(), r.second()));
                default -> throw new IllegalStateException("unexpected seat row kind " + r.kind());
            }
        }
        // the orders GameRepository#playerIds, WaitlistRepository#queue and SessionRepository#ofGame read them in
        players.sort(Comparator.comparing(Player::registeredAt).thenComparing(Player::id));
        queue.sort(Comparator.comparingLong(WaitlistEntry::seq));
        sessions.sort(Comparator.comparing(SessionView::start).thenComparingLong(SessionView::id));
        return new Seats(players.stream().map(Player::id).toList(), queue, sessions);
    }
}
