package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.platform.outbox.OutboxWriter;
import club.questmaster.platform.outbox.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * A seat change's writes on the connection of a reactive pool transaction ({@code Pool#withTransaction}), with no
 * Hibernate session: the registration's path (docs/performance.md P1), where Hibernate Reactive's per-statement cost
 * (query objects, parameter binding, its connection wrapper) was the largest share of games-service's CPU. The same
 * statements as {@link SessionSeatWrites}' repositories, in the PostgreSQL client's {@code $n} form.
 */
final class ConnectionSeatWrites implements SeatWrites {

    /** Stamped at the insert, not the transaction's start: see GameRepository#addPlayer. */
    static final String ADD_PLAYER =
            "INSERT INTO game_player (game_id, player_id, registered_at) VALUES ($1, $2, clock_timestamp())";
    static final String REMOVE_PLAYER = "DELETE FROM game_player WHERE game_id = $1 AND player_id = $2";
    static final String REMOVE_ENTRY = "DELETE FROM waitlist_entry WHERE game_id = $1 AND player_id = $2";
    static final String OFFER = "UPDATE waitlist_entry SET status = 'offered', offered_until = $3"
            + " WHERE game_id = $1 AND player_id = $2";
    static final String WRITE_STATUS = "UPDATE game SET status = $2, closed_reason = $3, updated_at = $4 WHERE id = $1";

    private final SqlConnection connection;
    private final OutboxWriter outbox;

    ConnectionSeatWrites(SqlConnection connection, OutboxWriter outbox) {
        this.connection = connection;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> addPlayer(long gameId, String playerId) {
        return update(ADD_PLAYER, Tuple.of(gameId, playerId));
    }

    @Override
    public Uni<Void> removePlayer(long gameId, String playerId) {
        return update(REMOVE_PLAYER, Tuple.of(gameId, playerId));
    }

    @Override
    public Uni<Void> removeEntry(long gameId, String playerId) {
        return update(REMOVE_ENTRY, Tuple.of(gameId, playerId));
    }

    @Override
    public Uni<Void> offer(long gameId, String playerId, OffsetDateTime until) {
        return update(OFFER, Tuple.of(gameId, playerId, until));
    }

    @Override
    public Uni<Void> writeStatus(Game game) {
        return update(WRITE_STATUS, Tuple.of(game.id, game.status, game.closedReason, game.updatedAt));
    }

    @Override
    public Uni<Void> append(OutgoingEvent event) {
        return outbox.append(connection, event);
    }

    private Uni<Void> update(String sql, Tuple values) {
        return connection.preparedQuery(sql).execute(values).replaceWithVoid();
    }
}
