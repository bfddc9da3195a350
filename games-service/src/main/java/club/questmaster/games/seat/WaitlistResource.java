package club.questmaster.games.seat;

import club.questmaster.games.game.GameView;
import club.questmaster.games.seat.WaitlistService.EntryView;
import club.questmaster.platform.security.Callers;
import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The waitlist of a full game (contract §7). HTTP only: the rules live in {@link WaitlistService}. A bot reads the
 * queue with {@code games:read} and joins, leaves, accepts or declines with {@code registrations:write}, like a
 * registration.
 */
@Path("/api/v1/games/{slug}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Waitlist", description = "A place in line on a full game, and the timed offers of freed seats")
public class WaitlistResource {

    private final WaitlistService service;
    private final Callers callers;

    public WaitlistResource(WaitlistService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @POST
    @Operation(operationId = "joinWaitlist", summary = "Join the queue of a full game (a player, not its gm)")
    @APIResponseSchema(value = EntryView.class, responseCode = "201", responseDescription = "Queued: the place")
    @APIResponse(responseCode = "403", description = "The game's own gm, or a bot without registrations:write "
            + "(FORBIDDEN, INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "Unknown game (NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Already registered or queued, no queue on this game, or seats "
            + "still free; drafts, archived and cancelled games take none (DUPLICATE_REGISTRATION, GAME_CLOSED, "
            + "WAITLIST_NOT_NEEDED)")
    public Uni<Response> join(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.join(caller, slug)).map(entry -> Response
                .created(URI.create("/api/v1/games/" + slug + "/waitlist/me")).entity(entry).build());
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    @Operation(operationId = "getWaitlist", summary = "The whole queue for its gm and admins; the caller's own "
            + "entry for a player")
    @APIResponse(responseCode = "200", description = "The queue in order (gm, admin+), or the caller's own entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EntryView.class)))
    @APIResponse(responseCode = "404", description = "Unknown game, or the player is not queued (NOT_FOUND)")
    public Uni<List<EntryView>> list(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.list(caller, slug));
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @DELETE
    @Path("/me")
    @Operation(operationId = "leaveWaitlist", summary = "Leave the queue; the places behind move up")
    @APIResponse(responseCode = "204", description = "Left the queue")
    @APIResponse(responseCode = "404", description = "Not queued (NOT_FOUND)")
    public Uni<Response> leave(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.leave(caller, slug)).map(v -> Response.noContent().build());
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @POST
    @Path("/me/accept")
    @Operation(operationId = "acceptWaitlistOffer", summary = "Take the seat held for the caller by an offer")
    @APIResponseSchema(value = GameView.class, responseCode = "201", responseDescription = "Registered: the game")
    @APIResponse(responseCode = "404", description = "Not queued (NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "No offer held, or the offer expired (CONFLICT)")
    public Uni<Response> accept(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.accept(caller, slug)).map(game -> Response
                .created(URI.create("/api/v1/games/" + slug + "/registrations/me")).entity(game).build());
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @POST
    @Path("/me/decline")
    @Operation(operationId = "declineWaitlistOffer", summary = "Give up the offered seat; it passes to the next")
    @APIResponse(responseCode = "204", description = "Declined and left the queue")
    @APIResponse(responseCode = "404", description = "Not queued (NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "No offer held, or the offer expired (CONFLICT)")
    public Uni<Response> decline(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.decline(caller, slug)).map(v -> Response.noContent().build());
    }
}
