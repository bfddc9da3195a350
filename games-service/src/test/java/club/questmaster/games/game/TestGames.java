package club.questmaster.games.game;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Game entities built in memory for the pure-rule tests. */
public final class TestGames {

    public static final String GM = "100000000000000001";
    public static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    private TestGames() {
    }

    public static Game game(GameStatus status, int partySize) {
        Game game = new Game();
        game.id = 1L;
        game.slug = "partie-par-mj";
        game.name = "Partie";
        game.type = "oneshot";
        game.gmId = GM;
        game.systemId = 1L;
        game.description = "Une enquête.";
        game.restriction = "all";
        game.partySize = partySize;
        game.xp = "all";
        game.date = NOW.plusDays(7);
        game.sessionLength = new BigDecimal("3.5");
        game.status(status, ClosedReason.MANUAL);
        return game;
    }

    public static Game autoClosed(int partySize) {
        Game game = game(GameStatus.CLOSED, partySize);
        game.status(GameStatus.CLOSED, ClosedReason.AUTO);
        return game;
    }
}
