package club.questmaster.games.live;

import club.questmaster.games.game.GameStatus;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** Every non-draft game's changes as Server-Sent Events (contract §7), for the games board's live seat counts. */
@Path("/api/v1/live/games")
@Tag(name = "Live", description = "Server-Sent Events of games' seats and status")
public class LiveGamesResource {

    private final LiveFeed feed;

    public LiveGamesResource(LiveFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamGames", summary = "Every change of a non-draft game's seats and status (anyone)")
    @APIResponse(responseCode = "200", description = "text/event-stream of events named game",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = LiveState.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return LiveEvents.withKeepAlive(sse, feed.updates()
                .filter(u -> !GameStatus.DRAFT.value().equals(u.state().status()))
                .map(u -> LiveEvents.event(sse, u.eventId(), u.state())));
    }
}
