package club.questmaster.games.seat;

import static club.questmaster.games.game.TestGames.GM;
import static club.questmaster.games.game.TestGames.NOW;
import static club.questmaster.games.game.TestGames.autoClosed;
import static club.questmaster.games.game.TestGames.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.seat.SeatRules.Offer;
import club.questmaster.games.seat.SeatRules.Promote;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may take a seat or queue, how a freed seat goes to the queue, when a game closes or reopens by itself. */
class SeatRulesTest {

    private static final String ALICE = "200000000000000001";
    private static final String BOB = "200000000000000002";
    private static final String CAROL = "200000000000000003";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration HOUR = Duration.ofHours(1);

    private static WaitlistEntry waiting(String player, long seq) {
        return new WaitlistEntry(player, seq, NOW.minusHours(1), null);
    }

    private static WaitlistEntry offered(String player, long seq) {
        return new WaitlistEntry(player, seq, NOW.minusHours(1), NOW.plusHours(2));
    }

    private static void register(Game game, List<String> players, List<WaitlistEntry> queue, String player) {
        SeatRules.checkRegistration(game, players, queue, player, NOW, PARIS);
    }

    @Test
    void theGmCannotRegisterForTheirOwnGame() {
        assertRefused(() -> register(game(GameStatus.OPEN, 4), List.of(), List.of(), GM), ErrorCode.FORBIDDEN);
    }

    @Test
    void draftsArchivedAndCancelledGamesTakeNoRegistration() {
        for (GameStatus status : List.of(GameStatus.DRAFT, GameStatus.ARCHIVED, GameStatus.CANCELLED)) {
            assertRefused(() -> register(game(status, 4), List.of(), List.of(), ALICE), ErrorCode.GAME_CLOSED);
        }
    }

    @Test
    void aRegisteredPlayerCannotRegisterTwiceEvenOnAFullGame() {
        assertRefused(() -> register(game(GameStatus.OPEN, 1), List.of(ALICE), List.of(), ALICE),
                ErrorCode.DUPLICATE_REGISTRATION);
    }

    @Test
    void beforeRegistrationOpensAtNoOneRegistersAndTheDetailGivesTheTime() {
        Game game = game(GameStatus.OPEN, 4);
        game.registrationOpensAt = NOW.plusMinutes(5);
        assertThatThrownBy(() -> register(game, List.of(), List.of(), ALICE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REGISTRATION_NOT_OPEN);
                    assertThat(e.getMessage()).isEqualTo("Les inscriptions ouvrent le mar. 10/03 à 13h05.");
                });
        game.registrationOpensAt = NOW;
        assertThatCode(() -> register(game, List.of(), List.of(), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void aSeatHeldByAnOfferIsNotFree() {
        Game game = game(GameStatus.OPEN, 2);
        assertThat(SeatRules.seatsLeft(game, List.of(ALICE), List.of(offered(BOB, 1)))).isZero();
        assertRefused(() -> register(game, List.of(ALICE), List.of(offered(BOB, 1)), CAROL), ErrorCode.GAME_FULL);
        assertThat(SeatRules.seatsLeft(game, List.of(ALICE), List.of(waiting(BOB, 1)))).isEqualTo(1);
    }

    @Test
    void aFullGameIsFullBeforeItIsClosed() {
        assertRefused(() -> register(autoClosed(1), List.of(BOB), List.of(), ALICE), ErrorCode.GAME_FULL);
        assertRefused(() -> register(game(GameStatus.CLOSED, 4), List.of(BOB), List.of(), ALICE),
                ErrorCode.GAME_CLOSED);
    }

    @Test
    void aPartySelectionApplicationIgnoresCapacityButNotAClosedGame() {
        Game selection = game(GameStatus.OPEN, 1);
        selection.partySelection = true;
        assertThatCode(() -> register(selection, List.of(BOB), List.of(), ALICE)).doesNotThrowAnyException();
        selection.status(GameStatus.CLOSED, club.questmaster.games.game.ClosedReason.MANUAL);
        assertRefused(() -> register(selection, List.of(BOB), List.of(), ALICE), ErrorCode.GAME_CLOSED);
    }

    @Test
    void onlyAFullGameWithAWaitlistTakesAQueueAndNoOneTwice() {
        assertThatCode(() -> SeatRules.checkJoin(autoClosed(1), List.of(ALICE), List.of(), BOB))
                .doesNotThrowAnyException();
        assertRefused(() -> SeatRules.checkJoin(game(GameStatus.OPEN, 2), List.of(ALICE), List.of(), BOB),
                ErrorCode.WAITLIST_NOT_NEEDED);
        assertRefused(() -> SeatRules.checkJoin(autoClosed(1), List.of(ALICE), List.of(waiting(BOB, 1)), BOB),
                ErrorCode.DUPLICATE_REGISTRATION);
        assertRefused(() -> SeatRules.checkJoin(autoClosed(1), List.of(ALICE), List.of(), ALICE),
                ErrorCode.DUPLICATE_REGISTRATION);
        assertRefused(() -> SeatRules.checkJoin(autoClosed(1), List.of(ALICE), List.of(), GM), ErrorCode.FORBIDDEN);
        Game noList = autoClosed(1);
        noList.waitlistEnabled = false;
        assertRefused(() -> SeatRules.checkJoin(noList, List.of(ALICE), List.of(), BOB), ErrorCode.GAME_CLOSED);
        for (GameStatus status : List.of(GameStatus.DRAFT, GameStatus.CLOSED, GameStatus.ARCHIVED,
                GameStatus.CANCELLED)) {
            assertRefused(() -> SeatRules.checkJoin(game(status, 1), List.of(ALICE), List.of(), BOB),
                    ErrorCode.GAME_CLOSED);
        }
    }

    @Test
    void aFreedSeatIsOfferedToTheFirstWaitingForOfferHours() {
        Game game = autoClosed(2);
        game.waitlistOfferHours = 24;
        var moves = SeatRules.fillFromQueue(game, List.of(ALICE), List.of(waiting(BOB, 1), waiting(CAROL, 2)), NOW,
                HOUR);
        assertThat(moves).containsExactly(new Offer(BOB, NOW.plusHours(24)));
    }

    @Test
    void aSeatAlreadyHeldIsNotOfferedAgain() {
        Game game = autoClosed(2);
        assertThat(SeatRules.fillFromQueue(game, List.of(ALICE), List.of(offered(BOB, 1), waiting(CAROL, 2)), NOW,
                HOUR)).isEmpty();
    }

    @Test
    void withZeroOfferHoursTheFirstWaitingAreRegisteredAtOnce() {
        Game game = game(GameStatus.OPEN, 3);
        game.waitlistOfferHours = 0;
        assertThat(SeatRules.fillFromQueue(game, List.of(ALICE), List.of(waiting(BOB, 1), waiting(CAROL, 2)), NOW,
                HOUR)).containsExactly(new Promote(BOB), new Promote(CAROL));
    }

    @Test
    void aGameClosedByHandKeepsItsFreeSeatsFromTheQueue() {
        assertThat(SeatRules.fillFromQueue(game(GameStatus.CLOSED, 2), List.of(ALICE), List.of(waiting(BOB, 1)),
                NOW, HOUR)).isEmpty();
    }

    @Test
    void anOfferExpiresAtItsDeadline() {
        WaitlistEntry due = new WaitlistEntry(BOB, 1, NOW.minusHours(3), NOW);
        assertThat(SeatRules.expired(List.of(due, offered(CAROL, 2), waiting(ALICE, 3)), NOW)).containsExactly(due);
    }

    @Test
    void positionsCountFromOneInQueueOrder() {
        List<WaitlistEntry> queue = List.of(waiting(BOB, 4), waiting(CAROL, 9));
        assertThat(SeatRules.position(queue, CAROL)).isEqualTo(2);
        assertThat(SeatRules.position(queue, ALICE)).isZero();
    }

    @Test
    void theGmIsNeverAddedAsAPlayerNorAnyoneTwice() {
        assertRefused(() -> SeatRules.checkAdd(game(GameStatus.OPEN, 4), List.of(), GM), ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> SeatRules.checkAdd(game(GameStatus.OPEN, 4), List.of(ALICE), ALICE),
                ErrorCode.DUPLICATE_REGISTRATION);
        assertThatCode(() -> SeatRules.checkAdd(autoClosed(1), List.of(BOB), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void playersOfAFinishedGameCannotBeManaged() {
        assertRefused(() -> SeatRules.checkPlayersManageable(game(GameStatus.ARCHIVED, 4)), ErrorCode.GAME_CLOSED);
        assertRefused(() -> SeatRules.checkPlayersManageable(game(GameStatus.CANCELLED, 4)), ErrorCode.GAME_CLOSED);
        assertThatCode(() -> SeatRules.checkPlayersManageable(game(GameStatus.CLOSED, 4))).doesNotThrowAnyException();
    }

    @Test
    void noSeatLeftOnAnOpenGameClosesIt() {
        assertThat(SeatRules.closesAutomatically(game(GameStatus.OPEN, 2), 0)).isTrue();
        assertThat(SeatRules.closesAutomatically(game(GameStatus.OPEN, 2), 1)).isFalse();
        Game selection = game(GameStatus.OPEN, 2);
        selection.partySelection = true;
        assertThat(SeatRules.closesAutomatically(selection, 0)).isFalse();
    }

    @Test
    void aFreeSeatReopensOnlyAnAutomaticallyClosedGame() {
        assertThat(SeatRules.reopensAutomatically(autoClosed(2), 1)).isTrue();
        assertThat(SeatRules.reopensAutomatically(autoClosed(2), 0)).isFalse();
        assertThat(SeatRules.reopensAutomatically(game(GameStatus.CLOSED, 2), 1)).isFalse();
    }

    private static void assertRefused(Runnable rule, ErrorCode code) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
