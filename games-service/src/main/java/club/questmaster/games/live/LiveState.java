package club.questmaster.games.live;

import club.questmaster.games.game.GameView;
import club.questmaster.platform.messaging.GameEventData;

/** What the live streams send for a game: {@code {slug, status, seats_left, waitlist_length}} (contract §7). */
public record LiveState(String slug, String status, int seatsLeft, int waitlistLength) {

    static LiveState of(GameView game) {
        return new LiveState(game.slug(), game.status(), game.seatsLeft(), game.waitlistLength());
    }

    /** From an event that carries the v1.1 counts; null when it does not (then the game is read). */
    static LiveState ofEvent(GameEventData data) {
        if (data.seatsLeft() == null || data.waitlistLength() == null) {
            return null;
        }
        return new LiveState(data.gameSlug(), data.status(), data.seatsLeft(), data.waitlistLength());
    }
}
