package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameRepository;
import club.questmaster.platform.outbox.OutboxWriter;
import club.questmaster.platform.outbox.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** A seat change's writes through the request's Hibernate Reactive session (inside its {@code @WithTransaction}). */
@ApplicationScoped
public class SessionSeatWrites implements SeatWrites {

    private final GameRepository games;
    private final WaitlistRepository waitlist;
    private final OutboxWriter outbox;

    public SessionSeatWrites(GameRepository games, WaitlistRepository waitlist, OutboxWriter outbox) {
        this.games = games;
        this.waitlist = waitlist;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> addPlayer(long gameId, String playerId) {
        return games.addPlayer(gameId, playerId);
    }

    @Override
    public Uni<Void> removePlayer(long gameId, String playerId) {
        return games.removePlayer(gameId, playerId);
    }

    @Override
    public Uni<Void> removeEntry(long gameId, String playerId) {
        return waitlist.remove(gameId, playerId);
    }

    @Override
    public Uni<Void> offer(long gameId, String playerId, OffsetDateTime until) {
        return waitlist.offer(gameId, playerId, until);
    }

    @Override
    public Uni<Void> writeStatus(Game game) {
        return games.writeStatus(game);
    }

    @Override
    public Uni<Void> append(OutgoingEvent event) {
        return outbox.append(event);
    }
}
