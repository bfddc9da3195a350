package club.questmaster.games.game;

import static club.questmaster.games.game.TestGames.NOW;
import static club.questmaster.games.game.TestGames.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field, edition and publication rules of a game. */
class GameRulesTest {

    private static final String OTHER_GM = "100000000000000002";

    @Test
    void classificationHasExactlyTheFourKeysEachZeroToTwo() {
        assertThatCode(() -> GameRules.check(input(Map.of("action", 0, "investigation", 2, "interaction", 1,
                "horror", 0), null))).doesNotThrowAnyException();
        assertRefused(() -> GameRules.check(input(Map.of("action", 1), null)), ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> GameRules.check(input(Map.of("action", 3, "investigation", 2, "interaction", 1,
                "horror", 0), null)), ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void anEmptyClassificationIsNone() {
        assertThatCode(() -> GameRules.check(input(Map.of(), null))).doesNotThrowAnyException();
    }

    @Test
    void imgMustBeAnHttpUrlWithAHost() {
        assertThat(GameRules.isHttpUrl("https://i.imgur.com/a.webp")).isTrue();
        assertThat(GameRules.isHttpUrl("javascript:alert(1)")).isFalse();
        assertThat(GameRules.isHttpUrl("http://")).isFalse();
        assertRefused(() -> GameRules.check(input(null, "ftp://example.org/a.png")), ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void minPlayersIsAtMostThePartySize() {
        Game game = game(GameStatus.DRAFT, 3);
        game.minPlayers = 4;
        assertRefused(() -> GameRules.check(GameMapper.toInput(game)), ErrorCode.VALIDATION_ERROR);
        game.minPlayers = 3;
        assertThatCode(() -> GameRules.check(GameMapper.toInput(game))).doesNotThrowAnyException();
    }

    @Test
    void goNoGoNeedsMinPlayersAndComesBeforeTheDate() {
        Game game = game(GameStatus.DRAFT, 4);
        game.goNoGoAt = game.date.minusDays(1);
        assertRefused(() -> GameRules.check(GameMapper.toInput(game)), ErrorCode.VALIDATION_ERROR);
        game.minPlayers = 2;
        assertThatCode(() -> GameRules.check(GameMapper.toInput(game))).doesNotThrowAnyException();
        game.goNoGoAt = game.date;
        assertRefused(() -> GameRules.check(GameMapper.toInput(game)), ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aPublishedGameKeepsItsNameTypeAndSpecialEvent() {
        Game open = game(GameStatus.OPEN, 4);
        assertRefused(() -> GameRules.checkEdit(open, renamed(open, "Autre nom"), true),
                ErrorCode.INVALID_TRANSITION);
        assertThat(GameRules.checkEdit(open, renamed(open, open.name), false).renamed()).isFalse();
    }

    @Test
    void archivedAndCancelledGamesAreReadOnly() {
        for (GameStatus status : List.of(GameStatus.ARCHIVED, GameStatus.CANCELLED)) {
            Game finished = game(status, 4);
            assertRefused(() -> GameRules.checkEdit(finished, renamed(finished, finished.name), true),
                    ErrorCode.INVALID_TRANSITION);
        }
    }

    @Test
    void closingByHandAGameThatClosedItselfMakesItAManualClose() {
        Game auto = TestGames.autoClosed(2);
        GameRules.closeByHand(auto);
        assertThat(auto.status()).isEqualTo(GameStatus.CLOSED);
        assertThat(auto.autoClosed()).isFalse();
        Game open = game(GameStatus.OPEN, 2);
        GameRules.closeByHand(open);
        assertThat(open.status()).isEqualTo(GameStatus.CLOSED);
        assertRefused(() -> GameRules.closeByHand(game(GameStatus.CLOSED, 2)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void aDraftMayBeRenamed() {
        Game draft = game(GameStatus.DRAFT, 4);
        assertThat(GameRules.checkEdit(draft, renamed(draft, "Autre nom"), false).renamed()).isTrue();
    }

    @Test
    void onlyAnAdminHandsAGameToAnotherGm() {
        Game open = game(GameStatus.OPEN, 4);
        GameInput handed = withGm(open, OTHER_GM);
        assertRefused(() -> GameRules.checkEdit(open, handed, false), ErrorCode.FORBIDDEN);
        assertThat(GameRules.checkEdit(open, handed, true).gmChanged()).isTrue();
    }

    @Test
    void publishingRefusesAPublishedGameThenAFullOneThenAPastDateUnlessConfirmed() {
        assertRefused(() -> GameRules.checkPublishable(game(GameStatus.OPEN, 4), 0, NOW, false),
                ErrorCode.ALREADY_PUBLISHED);
        assertRefused(() -> GameRules.checkPublishable(game(GameStatus.DRAFT, 2), 2, NOW, false),
                ErrorCode.GAME_FULL);
        Game past = game(GameStatus.DRAFT, 4);
        past.date = NOW.minusHours(1);
        assertRefused(() -> GameRules.checkPublishable(past, 0, NOW, false), ErrorCode.PAST_DATE);
        assertThatCode(() -> GameRules.checkPublishable(past, 0, NOW, true)).doesNotThrowAnyException();
    }

    @Test
    void theFirstSessionLastsSessionLengthHoursFromTheDate() {
        Game game = game(GameStatus.DRAFT, 4);
        assertThat(GameRules.firstSessionEnd(game)).isEqualTo(game.date.plusMinutes(210));
    }

    @Test
    void blankOptionalTextIsNoneAndAmbienceIsDeduplicatedInOrder() {
        assertThat(GameRules.blankToNull("   ")).isNull();
        assertThat(GameRules.blankToNull(" gore ")).isEqualTo("gore");
        assertThat(GameRules.ambience(List.of("epic", "chill", "epic"))).containsExactly("epic", "chill");
        assertThat(GameRules.ambience(List.of())).isNull();
    }

    private static GameInput input(Map<String, Integer> classification, String img) {
        Game g = game(GameStatus.DRAFT, 4);
        g.classification = classification;
        g.img = img;
        return GameMapper.toInput(g);
    }

    private static GameInput renamed(Game game, String name) {
        return copy(GameMapper.toInput(game), name, game.gmId);
    }

    private static GameInput withGm(Game game, String gmId) {
        return copy(GameMapper.toInput(game), game.name, gmId);
    }

    private static GameInput copy(GameInput in, String name, String gmId) {
        return new GameInput(name, in.type(), in.length(), gmId, in.systemId(), in.vttId(), in.description(),
                in.restriction(), in.restrictionTags(), in.partySize(), in.partySelection(), in.xp(), in.date(),
                in.sessionLength(), in.frequency(), in.characters(), in.classification(), in.ambience(),
                in.complement(), in.img(), in.specialEventId(), in.registrationOpensAt(), in.waitlistEnabled(),
                in.waitlistOfferHours(), in.minPlayers(), in.goNoGoAt());
    }

    static void assertRefused(Runnable rule, ErrorCode code) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
