package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.platform.outbox.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;

/**
 * The writes of one seat change, in the transaction that locked the game row: a Hibernate Reactive transaction
 * ({@link SessionSeatWrites}: the gm's edits, the sweeps, the erasure, the waitlist) or a transaction of the reactive
 * pool with no Hibernate session ({@link ConnectionSeatWrites}: the registration, docs/performance.md P1). Each
 * {@link SeatState} carries the writes of the transaction it was read in, so {@link Seating}'s rules run the same
 * whichever way the change came in.
 */
public interface SeatWrites {

    /** The player is known not to be on the roster (read under the lock). */
    Uni<Void> addPlayer(long gameId, String playerId);

    /** The player is known to be on the roster. */
    Uni<Void> removePlayer(long gameId, String playerId);

    /** The player's queue entry goes (used up, left, declined, expired). */
    Uni<Void> removeEntry(long gameId, String playerId);

    /** The first in line is offered a seat until {@code until}. */
    Uni<Void> offer(long gameId, String playerId, OffsetDateTime until);

    /** The game's status, closed reason and update time (an automatic close or reopen). */
    Uni<Void> writeStatus(Game game);

    /** The change's event, into the outbox, in the same transaction. */
    Uni<Void> append(OutgoingEvent event);

    /**
     * Every write above has completed (or this fails with the first failure): writes may be sent without waiting for
     * each other ({@link ConnectionSeatWrites} pipelines them), so a transaction awaits this before it commits.
     */
    default Uni<Void> completed() {
        return Uni.createFrom().voidItem();
    }
}
