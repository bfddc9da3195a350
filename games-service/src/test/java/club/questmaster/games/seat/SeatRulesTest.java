package club.questmaster.games.seat;

import static club.questmaster.games.game.TestGames.GM;
import static club.questmaster.games.game.TestGames.autoClosed;
import static club.questmaster.games.game.TestGames.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may take a seat, and when a game closes or reopens by itself. */
class SeatRulesTest {

    private static final String ALICE = "200000000000000001";
    private static final String BOB = "200000000000000002";

    @Test
    void theGmCannotRegisterForTheirOwnGame() {
        assertRefused(() -> SeatRules.checkRegistration(game(GameStatus.OPEN, 4), List.of(), GM), ErrorCode.FORBIDDEN);
    }

    @Test
    void draftsAndArchivedGamesTakeNoRegistration() {
        assertRefused(() -> SeatRules.checkRegistration(game(GameStatus.DRAFT, 4), List.of(), ALICE),
                ErrorCode.GAME_CLOSED);
        assertRefused(() -> SeatRules.checkRegistration(game(GameStatus.ARCHIVED, 4), List.of(), ALICE),
                ErrorCode.GAME_CLOSED);
    }

    @Test
    void aRegisteredPlayerCannotRegisterTwiceEvenOnAFullGame() {
        assertRefused(() -> SeatRules.checkRegistration(game(GameStatus.OPEN, 1), List.of(ALICE), ALICE),
                ErrorCode.DUPLICATE_REGISTRATION);
    }

    @Test
    void aFullGameIsFullBeforeItIsClosed() {
        assertRefused(() -> SeatRules.checkRegistration(autoClosed(1), List.of(BOB), ALICE), ErrorCode.GAME_FULL);
        assertRefused(() -> SeatRules.checkRegistration(game(GameStatus.CLOSED, 4), List.of(BOB), ALICE),
                ErrorCode.GAME_CLOSED);
    }

    @Test
    void aPartySelectionApplicationIgnoresCapacityAndClosing() {
        Game selection = game(GameStatus.CLOSED, 1);
        selection.partySelection = true;
        assertThatCode(() -> SeatRules.checkRegistration(selection, List.of(BOB), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void theGmIsNeverAddedAsAPlayerNorAnyoneTwice() {
        assertRefused(() -> SeatRules.checkAdd(game(GameStatus.OPEN, 4), List.of(), GM), ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> SeatRules.checkAdd(game(GameStatus.OPEN, 4), List.of(ALICE), ALICE),
                ErrorCode.DUPLICATE_REGISTRATION);
        assertThatCode(() -> SeatRules.checkAdd(autoClosed(1), List.of(BOB), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void playersOfAnArchivedGameCannotBeManaged() {
        assertRefused(() -> SeatRules.checkPlayersManageable(game(GameStatus.ARCHIVED, 4)), ErrorCode.GAME_CLOSED);
        assertThatCode(() -> SeatRules.checkPlayersManageable(game(GameStatus.CLOSED, 4))).doesNotThrowAnyException();
    }

    @Test
    void takingTheLastSeatOfAnOpenGameClosesIt() {
        assertThat(SeatRules.closesAutomatically(game(GameStatus.OPEN, 2), 2)).isTrue();
        assertThat(SeatRules.closesAutomatically(game(GameStatus.OPEN, 2), 1)).isFalse();
        Game selection = game(GameStatus.OPEN, 2);
        selection.partySelection = true;
        assertThat(SeatRules.closesAutomatically(selection, 2)).isFalse();
    }

    @Test
    void aFreedSeatReopensOnlyAnAutomaticallyClosedGame() {
        assertThat(SeatRules.reopensAutomatically(autoClosed(2), 1)).isTrue();
        assertThat(SeatRules.reopensAutomatically(autoClosed(2), 2)).isFalse();
        assertThat(SeatRules.reopensAutomatically(game(GameStatus.CLOSED, 2), 1)).isFalse();
    }

    private static void assertRefused(Runnable rule, ErrorCode code) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
