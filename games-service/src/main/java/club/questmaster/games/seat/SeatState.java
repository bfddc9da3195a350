package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import java.util.ArrayList;
import java.util.List;

/**
 * A game's seats as one transaction sees them after locking the game row: the roster in registration order and the
 * queue in order. Each change returns the new state, which mirrors what that transaction wrote.
 */
public record SeatState(Game game, List<String> players, List<WaitlistEntry> queue) {

    public SeatState {
        players = List.copyOf(players);
        queue = List.copyOf(queue);
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
        return new SeatState(game, next, withoutEntry(playerId).queue);
    }

    SeatState withoutPlayer(String playerId) {
        List<String> next = new ArrayList<>(players);
        next.remove(playerId);
        return new SeatState(game, next, queue);
    }

    SeatState withoutEntry(String playerId) {
        return new SeatState(game, players, queue.stream().filter(e -> !e.playerId().equals(playerId)).toList());
    }

    SeatState withEntry(WaitlistEntry entry) {
        List<WaitlistEntry> next = new ArrayList<>(queue.stream().filter(e -> !e.playerId().equals(entry.playerId()))
                .toList());
        next.add(entry);
        next.sort(java.util.Comparator.comparingLong(WaitlistEntry::seq));
        return new SeatState(game, players, next);
    }
}
