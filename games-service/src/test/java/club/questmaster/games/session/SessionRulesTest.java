package club.questmaster.games.session;

import static club.questmaster.games.game.TestGames.NOW;
import static club.questmaster.games.game.TestGames.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** start < end, at most 24 h, no overlap within the game (back-to-back allowed), none on a draft. */
class SessionRulesTest {

    private static final Game OPEN = game(GameStatus.OPEN, 4);
    private static final OffsetDateTime T = NOW.plusDays(1);

    @Test
    void startMustBeStrictlyBeforeEnd() {
        assertRefused(() -> SessionRules.check(OPEN, T, T, List.of(), null), ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> SessionRules.check(OPEN, T, T.minusHours(1), List.of(), null), ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aSessionLastsAtMostTwentyFourHours() {
        assertThatCode(() -> SessionRules.check(OPEN, T, T.plusHours(24), List.of(), null))
                .doesNotThrowAnyException();
        assertRefused(() -> SessionRules.check(OPEN, T, T.plusHours(24).plusMinutes(1), List.of(), null),
                ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void sessionsOfOneGameMustNotOverlap() {
        List<GameSession> existing = List.of(session(1, T, T.plusHours(3)));
        assertRefused(() -> SessionRules.check(OPEN, T.plusHours(2), T.plusHours(4), existing, null),
                ErrorCode.SESSION_CONFLICT);
        assertRefused(() -> SessionRules.check(OPEN, T.minusHours(1), T.plusHours(5), existing, null),
                ErrorCode.SESSION_CONFLICT);
    }

    @Test
    void backToBackSessionsAreAllowed() {
        List<GameSession> existing = List.of(session(1, T, T.plusHours(3)));
        assertThatCode(() -> SessionRules.check(OPEN, T.plusHours(3), T.plusHours(5), existing, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> SessionRules.check(OPEN, T.minusHours(2), T, existing, null))
                .doesNotThrowAnyException();
    }

    @Test
    void anEditedSessionNeverConflictsWithItself() {
        List<GameSession> existing = List.of(session(1, T, T.plusHours(3)), session(2, T.plusHours(5), T.plusHours(6)));
        assertThatCode(() -> SessionRules.check(OPEN, T.plusHours(1), T.plusHours(4), existing, 1L))
                .doesNotThrowAnyException();
        assertRefused(() -> SessionRules.check(OPEN, T.plusHours(1), T.plusHours(6), existing, 1L),
                ErrorCode.SESSION_CONFLICT);
    }

    @Test
    void aDraftHasNoSessions() {
        assertRefused(() -> SessionRules.check(game(GameStatus.DRAFT, 4), T, T.plusHours(1), List.of(), null),
                ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void aGameHasAtMostFiftySessionsButTheyCanStillBeEdited() {
        List<GameSession> fifty = new ArrayList<>();
        for (int i = 0; i < SessionRules.MAX_SESSIONS_PER_GAME; i++) {
            fifty.add(session(i + 1, T.plusDays(i), T.plusDays(i).plusHours(2)));
        }
        assertRefused(() -> SessionRules.check(OPEN, T.minusDays(2), T.minusDays(2).plusHours(1), fifty, null),
                ErrorCode.LIMIT_REACHED);
        assertThatCode(() -> SessionRules.check(OPEN, T.plusHours(1), T.plusHours(3), fifty, 1L))
                .doesNotThrowAnyException();
    }

    @Test
    void overlapIsSymmetric() {
        assertThat(SessionRules.overlap(T, T.plusHours(2), T.plusHours(1), T.plusHours(3))).isTrue();
        assertThat(SessionRules.overlap(T.plusHours(1), T.plusHours(3), T, T.plusHours(2))).isTrue();
        assertThat(SessionRules.overlap(T, T.plusHours(1), T.plusHours(1), T.plusHours(2))).isFalse();
    }

    private static GameSession session(long id, OffsetDateTime start, OffsetDateTime end) {
        GameSession s = new GameSession(1L, start, end);
        s.id = id;
        return s;
    }

    private static void assertRefused(Runnable rule, ErrorCode code) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
