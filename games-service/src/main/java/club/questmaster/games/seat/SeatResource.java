package club.questmaster.games.seat;

import club.questmaster.platform.security.Callers;
import club.questmaster.games.game.GameView;
import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registrations (the player's own seat) and the gm's player management. */
@Tag(name = "Seats", description = "Registrations (a player's own seat) and the gm's player management")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/games/{slug}")
public class SeatResource {

    /** {@code {user_id}}. */
    public record AddPlayer(@NotNull @Pattern(regexp = "\\d{17,21}", message = "must be a user id") String userId) {
    }

    private final SeatService seats;
    private final Callers callers;

    public SeatResource(SeatService seats, Callers callers) {
        this.seats = seats;
        this.callers = callers;
    }

    /** 201 with the game as it is after the registration. */
    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @POST
    @Path("/registrations")
    @Operation(operationId = "registerToGame",
            summary = "Take a seat (a player, not the game's gm); with party_selection it is an application")
    @APIResponseSchema(value = GameView.class, responseCode = "201",
            responseDescription = "Registered: the game as it is now")
    @APIResponse(responseCode = "403",
            description = "Not a player, or the game's own gm (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409",
            description = "Already registered, no free seat (seats held by waitlist offers count as taken), not open, "
                    + "or before registration_opens_at: the detail gives the time "
                    + "(DUPLICATE_REGISTRATION, GAME_FULL, GAME_CLOSED, REGISTRATION_NOT_OPEN)")
    public Uni<Response> register(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> seats.register(caller, slug).map(game -> Response
                .created(URI.create("/api/v1/games/" + slug + "/registrations/me")).entity(game).build()));
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @DELETE
    @Path("/registrations/me")
    @Operation(operationId = "leaveGame",
            summary = "Leave the game (a registered player); the freed seat is offered to the waitlist first, else an "
                    + "auto-closed game reopens")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "409", description = "Not registered (NOT_REGISTERED)")
    public Uni<Response> leave(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> seats.leave(caller, slug).map(v -> Response.noContent().build()));
    }

    @POST
    @Path("/players")
    @Operation(operationId = "addPlayer",
            summary = "Add a known player, bypassing seats, status and registration_opens_at (its gm or an admin+; not "
                    + "on archived or cancelled games)")
    @APIResponseSchema(value = GameView.class, responseCode = "201",
            responseDescription = "Added: the game as it is now")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409",
            description = "Already registered, or an archived or cancelled game (DUPLICATE_REGISTRATION, GAME_CLOSED)")
    public Uni<Response> add(@PathParam("slug") String slug, @Valid @NotNull AddPlayer body) {
        return callers.current().chain(caller -> seats.add(caller, slug, body.userId()).map(game -> Response
                .created(URI.create("/api/v1/games/" + slug + "/players/" + body.userId())).entity(game).build()));
    }

    @DELETE
    @Path("/players/{user_id}")
    @Operation(operationId = "removePlayer", summary = "Remove a player (its gm or an admin+; not on archived or "
            + "cancelled games); the freed seat is offered to the waitlist first")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409",
            description = "Not registered, or an archived or cancelled game (NOT_REGISTERED, GAME_CLOSED)")
    public Uni<Response> remove(@PathParam("slug") String slug, @PathParam("user_id") String userId) {
        return callers.current().chain(caller -> seats.remove(caller, slug, userId).map(v -> Response.noContent().build()));
    }
}
