package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.smallrye.mutiny.Uni;
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
        MANAGE
    }

    private final GameRepository games;

    public GameAccess(GameRepository games) {
        this.games = games;
    }

    /** The game for reading, unlocked. */
    public Uni<Game> visible(Actor actor, String slug) {
        return find(actor, slug, Need.SEE, false);
    }

    /** The game locked for a change any visitor may ask for (a registration, an alert). */
    public Uni<Game> lockVisible(Actor actor, String slug) {
        return find(actor, slug, Need.SEE, true);
    }

    /** The game locked for a change by its gm or an admin. */
    public Uni<Game> lockManaged(Actor actor, String slug) {
        return find(actor, slug, Need.MANAGE, true);
    }

    public Uni<Game> find(Actor actor, String slug, Need need, boolean lock) {
        if (need == Need.MANAGE && actor.anonymous()) {
            return Uni.createFrom().failure(unauthenticated());
        }
        return (lock ? games.lockBySlug(slug) : games.findBySlug(slug)).map(game -> {
            if (game == null || !actor.sees(game)) {
                throw notFound(slug);
            }
            if (need == Need.MANAGE && !actor.manages(game)) {
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
