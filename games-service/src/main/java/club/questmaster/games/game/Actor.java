package club.questmaster.games.game;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;

/**
 * Who is calling, read once from the token by the resource and handed to the services (which must not depend on
 * the request scope). {@code id} is null for an anonymous caller.
 */
public record Actor(String id, String username, Role highest) {

    public static final Actor ANONYMOUS = new Actor(null, null, null);

    public boolean anonymous() {
        return id == null;
    }

    public boolean atLeast(Role role) {
        return highest != null && highest.atLeast(role);
    }

    public boolean admin() {
        return atLeast(Role.ADMIN);
    }

    /** 401 when anonymous, 403 below the role. */
    public Actor require(Role role) {
        if (anonymous()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        if (!atLeast(role)) {
            throw ApiException.forbidden(switch (role) {
                case GM -> "Vous devez être MJ pour poster une annonce.";
                case ADMIN, SUPERUSER -> "Réservé aux admins.";
                case PLAYER -> "Réservé aux joueur·euses.";
            });
        }
        return this;
    }

    /** The game's gm or an admin. */
    public boolean manages(Game game) {
        return admin() || (id != null && id.equals(game.gmId));
    }

    /** Drafts are seen by their gm and admins only. */
    public boolean sees(Game game) {
        return game.status() != GameStatus.DRAFT || manages(game);
    }
}
