package club.questmaster.games.live;

import club.questmaster.games.game.GameService;
import club.questmaster.platform.security.Callers;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One game's live seat count as Server-Sent Events (contract §7): an event {@code game} with its state at once (so
 * a client reconnecting with Last-Event-ID is current at once), then one on every change made by any replica.
 */
@Path("/api/v1/games/{slug}/live")
@Tag(name = "Live", description = "Server-Sent Events of games' seats and status")
public class GameLiveResource {

    private final GameService games;
    private final Callers callers;
    private final LiveFeed feed;

    public GameLiveResource(GameService games, Callers callers, LiveFeed feed) {
        this.games = games;
        this.callers = callers;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamGame",
            summary = "The game's seats and status now, then on every change (anyone who may see the game)")
    @APIResponse(responseCode = "200", description = "text/event-stream of events named game",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = LiveState.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("slug") String slug, @Context Sse sse) {
        // LiveGameVisibility has already refused a game the caller may not see (404 before the stream starts); the
        // state read here is the current one, sent first so that a reconnecting client is current at once.
        return Multi.createFrom().uni(callers.current().chain(actor -> games.get(actor, slug)))
                .onItem().transformToMultiAndConcatenate(view -> {
                    Multi<OutboundSseEvent> now = Multi.createFrom().item(
                            LiveEvents.event(sse, "state-" + view.id(), LiveState.of(view)));
                    Multi<OutboundSseEvent> changes = feed.updates().filter(u -> u.gameId() == view.id())
                            .map(u -> LiveEvents.event(sse, u.eventId(), u.state()));
                    return LiveEvents.withKeepAlive(sse, Multi.createBy().concatenating().streams(now, changes));
                });
    }
}
