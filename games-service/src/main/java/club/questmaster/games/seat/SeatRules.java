package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;

/**
 * Who may take a seat, and when a game closes or reopens by itself (docs/original-rules.md#registration). Pure: the
 * callers pass the game as locked in their transaction and its roster as read there.
 */
public final class SeatRules {

    private SeatRules() {
    }

    /**
     * A player's own registration, in the original's order of checks: own game, registration closed (draft,
     * archived), already registered, full, closed. With {@code party_selection} the registration is an application:
     * capacity and a closed game do not stop it.
     */
    public static void checkRegistration(Game game, List<String> players, String playerId) {
        if (playerId.equals(game.gmId)) {
            throw ApiException.forbidden("Vous ne pouvez pas vous inscrire à votre propre partie.");
        }
        if (game.status() == GameStatus.DRAFT || game.status() == GameStatus.ARCHIVED) {
            throw closed();
        }
        if (players.contains(playerId)) {
            throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION, "Vous êtes déjà inscrit·e à cette partie.");
        }
        if (!game.partySelection && players.size() >= game.partySize) {
            throw new ApiException(ErrorCode.GAME_FULL, "La partie est complète.");
        }
        if (!game.partySelection && game.status() == GameStatus.CLOSED) {
            throw closed();
        }
    }

    /** The gm's own add bypasses seats and status (see {@link #checkPlayersManageable}), not the gm themselves. */
    public static void checkAdd(Game game, List<String> players, String userId) {
        if (userId.equals(game.gmId)) {
            throw ApiException.invalid("user_id", "Le·a MJ ne peut pas être joueur·euse de sa partie.");
        }
        if (players.contains(userId)) {
            throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION,
                    "Cette personne est déjà inscrite à cette partie.");
        }
    }

    /** Players are added and removed on any game but an archived one. */
    public static void checkPlayersManageable(Game game) {
        if (game.status() == GameStatus.ARCHIVED) {
            throw new ApiException(ErrorCode.GAME_CLOSED,
                    "Impossible de gérer les joueur·euses d'une partie archivée.");
        }
    }

    /** The last seat was just taken on an open game (an application never closes it). */
    public static boolean closesAutomatically(Game game, int players) {
        return !game.partySelection && game.status() == GameStatus.OPEN && players >= game.partySize;
    }

    /** A seat is free on a game that closed itself when full; a game closed by hand stays closed. */
    public static boolean reopensAutomatically(Game game, int players) {
        return game.autoClosed() && !game.partySelection && players < game.partySize;
    }

    private static ApiException closed() {
        return new ApiException(ErrorCode.GAME_CLOSED, "La partie est fermée aux inscriptions.");
    }
}
