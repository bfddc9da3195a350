package club.questmaster.games.game;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Permission;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;

/**
 * What a caller may do with a game (contract §3, §8). Pure: the {@link Caller} is resolved once per request and
 * passed down.
 */
public final class GamePermissions {

    private GamePermissions() {
    }

    /** The game's gm or an admin: everything the gm may do with their own game. */
    public static boolean manages(Caller caller, Game game) {
        return caller.admin() || (caller.id() != null && caller.id().equals(game.gmId));
    }

    /** Its gm, an admin, or a holder of the delegated {@code moderate_games}: edit, close, archive any game. */
    public static boolean moderates(Caller caller, Game game) {
        return manages(caller, game) || caller.hasPermission(Permission.MODERATE_GAMES);
    }

    /** Drafts are seen by their gm, admins and moderators only. */
    public static boolean sees(Caller caller, Game game) {
        return game.status() != GameStatus.DRAFT || moderates(caller, game);
    }

    /** 401 when anonymous, 403 below the role (with the original's wording). */
    public static Caller require(Caller caller, Role role) {
        caller.requireAuthenticated();
        if (!caller.atLeast(role)) {
            throw ApiException.forbidden(switch (role) {
                case GM -> "Vous devez être MJ pour poster une annonce.";
                case ADMIN, SUPERUSER -> "Réservé aux admins.";
                case PLAYER -> "Réservé aux joueur·euses.";
            });
        }
        return caller;
    }
}
