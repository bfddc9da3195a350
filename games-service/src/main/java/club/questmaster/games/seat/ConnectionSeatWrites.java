package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.platform.outbox.OutboxWriter;
import club.questmaster.platform.outbox.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A seat change's writes on the connection of a reactive pool transaction ({@code Pool#withTransaction}), with no
 * Hibernate session: the registration's path (docs/performance.md P1), where Hibernate Reactive's per-statement cost
 * (query objects, parameter binding, its connection wrapper) was the largest share of games-service's CPU. The same
 * statements as {@link SessionSeatWrites}' repositories, in the PostgreSQL client's {@code $n} form.
 *
 * <p>Pipelined: each write is sent at once, without waiting for the one before (a seat change reads nothing after
 * its first write: its state is in memory), and {@link #completed()} awaits them all, so a registration's player row
 * and outbox row cost one round trip, not two. PostgreSQL runs them in the order sent; if one fails the transaction
 * is aborted and the later ones fail too, and {@link #completed()} fails with the first cause (the caller's
 * {@code withTransaction} then rolls back). Used on the connection's event loop only, so the list needs no lock.
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
    /** The writes sent and not yet awaited, in the order sent. */
    private final List<CompletableFuture<Void>> sent = new ArrayList<>();

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
        return send(outbox.append(connection, event));
    }

    @Override
    public Uni<Void> completed() {
        List<CompletableFuture<Void>> awaited = List.copyOf(sent);
        sent.clear();
        Uni<Void> all = Uni.createFrom().voidItem();
        // in the order sent, so the failure reported is the first one (the later ones only say the transaction is
        // aborted)
        for (CompletableFuture<Void> write : awaited) {
            all = all.chain(() -> Uni.createFrom().completionStage(write));
        }
        return all;
    }

    private Uni<Void> update(String sql, Tuple values) {
        return send(connection.preparedQuery(sql).execute(values).replaceWithVoid());
    }

    /** Subscribed now: the client queues the command on the connection and sends it without awaiting the others. */
    private Uni<Void> send(Uni<Void> write) {
        sent.add(write.subscribeAsCompletionStage());
        return Uni.createFrom().voidItem();
    }
}
