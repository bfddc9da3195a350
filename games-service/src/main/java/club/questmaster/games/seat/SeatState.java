package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameView.Queue;
import club.questmaster.games.game.GameView.SessionView;
import java.util.ArrayList;
import java.util.List;

/**
 * A game's seats as one transaction sees them after locking the game row: the roster in registration order and the
 * queue in order, with the game's sessions (read in the same statement; no seat change touches them) for the answer.
 * Each change returns the new state, which mirrors what that transaction wrote: the answer and the events' seat
 * counts come from it, not from reading the tables again. {@code writes} are that transaction's: every change of
 * this state, and its events, are written through them.
 */
public record SeatState(Game game, List<String> players, List<WaitlistEntry> queue, List<SessionView> sessions,
        SeatWrites writes) {

    public SeatState {
        players = List.copyOf(players);
        queue = List.copyOf(queue);
        sessions = List.copyOf(sessions);
    }

    /** The queue's length and its offers, as the transaction leaves them. */
    public Queue queueCounts() {
        return new Queue(queue.size(), (int) queue.stream().filter(WaitlistEntry::offered).count());
    }

    public int seatsLeft() {
        return SeatRules.seatsLeft(game, players, queue);
    }

    public WaitlistEntry entry(String playerId) {
        return queue.stream().filter(e -> e.playerId().equals(playerId)).findFirst().orElse(null);
    }

    SeatState withPlayer(String playerId) {
        List<String> next = new ArrayList<>(players);
        next.add(playerId);
        return new SeatState(game, next, withoutEntry(playerId).queue, sessions, writes);
    }

    SeatState withoutPlayer(String playerId) {
        List<String> next = new ArrayList<>(players);
        next.remove(playerId);
        return new SeatState(game, next, queue, sessions, writes);
    }

    SeatState withoutEntry(String playerId) {
        return new SeatState(game, players, queue.stream().filter(e -> !e.playerId().equals(playerId)).toList(),
                sessions, writes);
    }

    SeatState withEntry(WaitlistEntry entry) {
        List<WaitlistEntry> next = new ArrayList<>(queue.stream().filter(e -> !e.playerId().equals(entry.playerId()))
                .toList());
        next.add(entry);
        next.sort(java.util.Comparator.comparingLong(WaitlistEntry::seq));
        return new SeatState(game, players, next, sessions, writes);
    }
}
