package club.questmaster.games.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.games.game.GameStatus.Transition;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The state machine: draft → open/closed (publish), open ⇄ closed, open/closed → archived, draft → deleted; every
 * other move is 409 INVALID_TRANSITION.
 */
class GameStatusTransitionsTest {

    @Test
    void publishingMovesADraftToOpenAndSilentlyToClosed() {
        assertThat(Transition.PUBLISH.from(GameStatus.DRAFT)).isEqualTo(GameStatus.OPEN);
        assertThat(Transition.PUBLISH_SILENT.from(GameStatus.DRAFT)).isEqualTo(GameStatus.CLOSED);
    }

    @Test
    void openAndClosedSwapBothWays() {
        assertThat(Transition.CLOSE.from(GameStatus.OPEN)).isEqualTo(GameStatus.CLOSED);
        assertThat(Transition.REOPEN.from(GameStatus.CLOSED)).isEqualTo(GameStatus.OPEN);
    }

    @Test
    void onlyPublishedGamesAreArchivedAndOnlyDraftsDeleted() {
        assertThat(Transition.ARCHIVE.from(GameStatus.OPEN)).isEqualTo(GameStatus.ARCHIVED);
        assertThat(Transition.ARCHIVE.from(GameStatus.CLOSED)).isEqualTo(GameStatus.ARCHIVED);
        assertThat(Transition.DELETE.from(GameStatus.DRAFT)).isNull();
    }

    @Test
    void openAndClosedGamesMayBeCancelledAndCancelledIsTerminal() {
        assertThat(Transition.CANCEL.from(GameStatus.OPEN)).isEqualTo(GameStatus.CANCELLED);
        assertThat(Transition.CANCEL.from(GameStatus.CLOSED)).isEqualTo(GameStatus.CANCELLED);
        assertThat(GameStatus.CANCELLED.finished()).isTrue();
        assertThat(GameStatus.ARCHIVED.finished()).isTrue();
        assertThat(GameStatus.CLOSED.finished()).isFalse();
    }

    @Test
    void everyOtherMoveIsAnInvalidTransition() {
        assertRefusedFromAllBut(Transition.PUBLISH, GameStatus.DRAFT);
        assertRefusedFromAllBut(Transition.PUBLISH_SILENT, GameStatus.DRAFT);
        assertRefusedFromAllBut(Transition.CLOSE, GameStatus.OPEN);
        assertRefusedFromAllBut(Transition.REOPEN, GameStatus.CLOSED);
        assertRefusedFromAllBut(Transition.ARCHIVE, GameStatus.OPEN, GameStatus.CLOSED);
        assertRefusedFromAllBut(Transition.CANCEL, GameStatus.OPEN, GameStatus.CLOSED);
        assertRefusedFromAllBut(Transition.DELETE, GameStatus.DRAFT);
    }

    @Test
    void theRefusalNamesTheCurrentStatus() {
        assertThatThrownBy(() -> Transition.REOPEN.from(GameStatus.ARCHIVED))
                .hasMessage("A game that is archived cannot be reopened.");
    }

    @Test
    void statusesReadBackFromTheirStoredValue() {
        for (GameStatus status : GameStatus.values()) {
            assertThat(GameStatus.of(status.value())).isEqualTo(status);
        }
        assertThat(GameStatus.VALUES).hasSize(GameStatus.values().length);
    }

    private static void assertRefusedFromAllBut(Transition transition, GameStatus... allowed) {
        Set<GameStatus> refused = EnumSet.allOf(GameStatus.class);
        refused.removeAll(Set.of(allowed));
        for (GameStatus from : refused) {
            assertThatThrownBy(() -> transition.from(from)).as("%s from %s", transition, from)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
        }
    }
}
