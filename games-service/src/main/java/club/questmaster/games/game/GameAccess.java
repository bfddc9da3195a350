package club.questmaster.games.game;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way to reach a game on behalf of a caller: whether they may see it or manage it, read plainly or with its
 * row locked ({@code SELECT … FOR UPDATE}, which every transaction that changes the game or writes its events takes
 * first, see {@link GameRepository#lockBySlug}). An unknown game and a game the caller may not see are the same 404.
 */
@ApplicationScoped
public class GameAccess {

    /** What the caller needs to do with the game. */
    public enum Need {
        /** Read it: anyone, except drafts (their gm and admins). */
        SEE,
        /** Change it: its gm and admins; 401 when anonymous, 403 for anyone else who sees it. */
        MANAGE,
        /** Edit, close or archive it: as MANAGE, and also a holder of the delegated {@code moderate_games}. */
        MODERATE
    }

    private final GameRepository games;

    public GameAccess(GameRepository games) {
        this.games = games;
    }

    /** The game for reading, unlocked. */
    public Uni<Game> visible(Caller caller, String slug) {
        return find(caller, slug, Need.SEE, false);
    }

    /** The game locked for a change any visitor may ask for (a registration, an alert). */
    public Uni<Game> lockVisible(Caller caller, String slug) {
        return find(caller, slug, Need.SEE, true);
    }

    /**
     * As {@link #lockVisible}, on a transaction of the reactive pool with no Hibernate session
     * ({@link GameRepository#lockBySlug(SqlConnection, String)}): for the registration, whose writes all go through
     * that connection.
     */
    public Uni<Game> lockVisible(SqlConnection connection, Caller caller, String slug) {
        return checked(caller, slug, Need.SEE, games.lockBySlug(connection, slug));
    }

    /** The game locked for a change by its gm or an admin. */
    public Uni<Game> lockManaged(Caller caller, String slug) {
        return find(caller, slug, Need.MANAGE, true);
    }

    /** The game locked for an edit, a close or an archive: its gm, an admin or a moderator. */
    public Uni<Game> lockModerated(Caller caller, String slug) {
        return find(caller, slug, Need.MODERATE, true);
    }

    public Uni<Game> find(Caller caller, String slug, Need need, boolean lock) {
        return checked(caller, slug, need, lock ? games.lockBySlug(slug) : games.findBySlug(slug));
    }

    /** {@code found} is lazy (a query not yet sent): an anonymous caller who may not do this never sends it. */
    private static Uni<Game> checked(Caller caller, String slug, Need need, Uni<Game> found) {
        if (need != Need.SEE && caller.anonymous()) {
            return Uni.createFrom().failure(unauthenticated());
        }
        return found.map(game -> {
            if (game == null || !GamePermissions.sees(caller, game)) {
                throw notFound(slug);
            }
            boolean allowed = switch (need) {
                case SEE -> true;
                case MANAGE -> GamePermissions.manages(caller, game);
                case MODERATE -> GamePermissions.moderates(caller, game);
            };
            if (!allowed) {
                throw ApiException.forbidden("Vous n'êtes pas autorisé·e à faire cette action.");
            }
            return game;
        });
    }

    public static ApiException notFound(String slug) {
        return ApiException.notFound("Aucune annonce « " + slug + " ».");
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.");
    }
}
