package club.questmaster.games.seat;

import java.time.OffsetDateTime;

/**
 * One player in a game's queue, in queue order ({@code seq}); {@code offeredUntil} is set while they hold an offer
 * (the seat is kept for them until then).
 */
public record WaitlistEntry(String playerId, long seq, OffsetDateTime joinedAt, OffsetDateTime offeredUntil) {

    public boolean offered() {
        return offeredUntil != null;
    }

    public String status() {
        return offered() ? "offered" : "waiting";
    }
}
