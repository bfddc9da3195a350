package club.questmaster.games.live;

import club.questmaster.games.game.GameService;
import club.questmaster.platform.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A game's live stream is for those who may see the game (contract §7): an unknown game, or a draft read by someone
 * else, is a plain problem+json 404.
 *
 * <p>Why a filter and not the resource method: RESTEasy Reactive writes the head of a {@code text/event-stream}
 * answer (status 200) as soon as the method returns its {@code Multi}, before any item, so a failure inside the
 * stream can no longer change the status. A request filter runs before the method and may still fail the request.
 */
public class LiveGameVisibility {

    private final GameService games;
    private final Callers callers;

    public LiveGameVisibility(GameService games, Callers callers) {
        this.games = games;
        this.callers = callers;
    }

    @ServerRequestFilter
    public Uni<Void> requireVisibleGame(ResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceClass() != GameLiveResource.class) {
            return Uni.createFrom().voidItem();
        }
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        // A failure (ApiException 404) goes through the platform's problem mappers like any other.
        return callers.current().chain(actor -> games.get(actor, slug)).replaceWithVoid();
    }
}
