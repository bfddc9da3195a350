package club.questmaster.games.seat;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.ClosedReason;
import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.seat.SeatRules.Move;
import club.questmaster.games.seat.SeatRules.Offer;
import club.questmaster.games.seat.SeatRules.Promote;
import club.questmaster.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The write steps every seat change shares, inside the caller's transaction and after it locked the game row:
 * a player in or out, then {@link #settle}: the free seats offered to the queue (or given at once), then the
 * automatic close or reopen, each with its event. Used by registrations, the waitlist, the gm's edits and the
 * scheduler, so the seat rules are applied the same way whoever frees a seat.
 */
@ApplicationScoped
public class Seating {

    private final SeatRepository seats;
    private final SessionSeatWrites sessionWrites;
    private final OutboxWriter outbox;
    private final GameEvents events;
    private final SeatsConfig config;

    public Seating(SeatRepository seats, SessionSeatWrites sessionWrites, OutboxWriter outbox, GameEvents events,
            SeatsConfig config) {
        this.seats = seats;
        this.sessionWrites = sessionWrites;
        this.outbox = outbox;
        this.events = events;
        this.config = config;
    }

    /**
     * The roster, the queue (and the sessions) of a game whose row this transaction holds locked, in one statement,
     * through the request's Hibernate session (inside a {@code @WithTransaction}); its changes are written there too.
     */
    public Uni<SeatState> of(Game game) {
        return seats.of(game.id).map(read -> new SeatState(game, read.players(), read.queue(), read.sessions(),
                sessionWrites));
    }

    /**
     * As {@link #of(Game)}, on the connection of a reactive pool transaction that locked the game's row, with no
     * Hibernate session: the state's changes and their events are written on that connection (docs/performance.md,
     * P1).
     */
    public Uni<SeatState> of(SqlConnection connection, Game game) {
        return seats.of(connection, game.id).map(read -> new SeatState(game, read.players(), read.queue(),
                read.sessions(), new ConnectionSeatWrites(connection, outbox)));
    }

    /** Seats a player (their queue entry, if any, is used up); {@code byGm}: the gm's add rather than their own. */
    public Uni<SeatState> take(SeatState state, String playerId, boolean byGm) {
        SeatState next = state.withPlayer(playerId);
        Uni<Void> queued = state.entry(playerId) == null ? Uni.createFrom().voidItem()
                : state.writes().removeEntry(state.game().id, playerId);
        return queued.chain(() -> state.writes().addPlayer(state.game().id, playerId))
                .chain(() -> events.registered(next, playerId, byGm))
                .chain(() -> settle(next));
    }

    /** An offer accepted: the held seat becomes theirs. */
    public Uni<SeatState> accept(SeatState state, String playerId) {
        SeatState next = state.withPlayer(playerId);
        return state.writes().removeEntry(state.game().id, playerId)
                .chain(() -> state.writes().addPlayer(state.game().id, playerId))
                .chain(() -> events.promoted(next, playerId))
                .chain(() -> settle(next));
    }

    /** A player leaves or is removed: the seat goes to the queue first. */
    public Uni<SeatState> free(SeatState state, String playerId) {
        SeatState next = state.withoutPlayer(playerId);
        return state.writes().removePlayer(state.game().id, playerId)
                .chain(() -> events.unregistered(next, playerId))
                .chain(() -> settle(next));
    }

    /**
     * A queue entry is gone (left, declined, expired; {@code event} says which); a seat it held goes to the next.
     */
    public Uni<SeatState> dequeue(SeatState state, String playerId, Uni<Void> event) {
        SeatState next = state.withoutEntry(playerId);
        return state.writes().removeEntry(state.game().id, playerId).chain(() -> event).chain(() -> settle(next));
    }

    /** Offers past their deadline at {@code now} expire, each with its event; their seats go to the next. */
    public Uni<SeatState> expire(SeatState state, OffsetDateTime now) {
        Uni<SeatState> chain = Uni.createFrom().item(state);
        for (WaitlistEntry gone : SeatRules.expired(state.queue(), now)) {
            chain = chain.chain(current -> {
                SeatState next = current.withoutEntry(gone.playerId());
                return current.writes().removeEntry(current.game().id, gone.playerId())
                        .chain(() -> events.offerExpired(next, gone.playerId()))
                        .replaceWith(next);
            });
        }
        return chain.chain(this::settle);
    }

    /**
     * After any change of seats, party size, mode or status: offers (or promotions) to the first in line for the
     * free seats, then the automatic close (no seat left) or reopen (a seat free on a game that closed itself).
     */
    public Uni<SeatState> settle(SeatState state) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Move> moves = SeatRules.fillFromQueue(state.game(), state.players(), state.queue(), now,
                config.offerHour());
        Uni<SeatState> chain = Uni.createFrom().item(state);
        for (Move move : moves) {
            chain = chain.chain(current -> apply(current, move));
        }
        return chain.chain(this::closeOrReopen);
    }

    private Uni<SeatState> apply(SeatState state, Move move) {
        long gameId = state.game().id;
        if (move instanceof Offer offer) {
            WaitlistEntry held = state.entry(offer.playerId());
            SeatState next = state.withEntry(new WaitlistEntry(held.playerId(), held.seq(), held.joinedAt(),
                    offer.until()));
            return state.writes().offer(gameId, offer.playerId(), offer.until())
                    .chain(() -> events.offered(next, offer.playerId(), offer.until()))
                    .replaceWith(next);
        }
        Promote promote = (Promote) move;
        SeatState next = state.withPlayer(promote.playerId());
        return state.writes().removeEntry(gameId, promote.playerId())
                .chain(() -> state.writes().addPlayer(gameId, promote.playerId()))
                .chain(() -> events.promoted(next, promote.playerId()))
                .replaceWith(next);
    }

    /**
     * The status is written with its own statement: the registration path's game is a plain object read on the pool
     * (nothing flushes it); on a managed game the flush then writes the same values again.
     */
    private Uni<SeatState> closeOrReopen(SeatState state) {
        Game game = state.game();
        if (SeatRules.closesAutomatically(game, state.seatsLeft())) {
            game.status(GameStatus.CLOSED, ClosedReason.AUTO);
            game.updatedAt = OffsetDateTime.now();
            return state.writes().writeStatus(game).chain(() -> events.autoClosed(state)).replaceWith(state);
        }
        if (SeatRules.reopensAutomatically(game, state.seatsLeft())) {
            game.status(GameStatus.OPEN, null);
            game.updatedAt = OffsetDateTime.now();
            return state.writes().writeStatus(game).chain(() -> events.autoReopened(state)).replaceWith(state);
        }
        return Uni.createFrom().item(state);
    }
}
