package club.questmaster.games.seat;

import club.questmaster.games.game.Actors;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Registrations (the player's own seat) and the gm's player management. */
@Path("/api/v1/games/{slug}")
public class SeatResource {

    /** {@code {user_id}}. */
    public record AddPlayer(@NotNull @Pattern(regexp = "\\d{17,21}", message = "must be a user id") String userId) {
    }

    private final SeatService seats;
    private final Actors actors;

    public SeatResource(SeatService seats, Actors actors) {
        this.seats = seats;
        this.actors = actors;
    }

    /** 201 with the game as it is after the registration. */
    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @POST
    @Path("/registrations")
    public Uni<Response> register(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> seats.register(actor, slug).map(game -> Response
                .created(URI.create("/api/v1/games/" + slug + "/registrations/me")).entity(game).build()));
    }

    @RequiresScope(Scopes.REGISTRATIONS_WRITE)
    @DELETE
    @Path("/registrations/me")
    public Uni<Response> leave(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> seats.leave(actor, slug).map(v -> Response.noContent().build()));
    }

    @POST
    @Path("/players")
    public Uni<Response> add(@PathParam("slug") String slug, @Valid @NotNull AddPlayer body) {
        return actors.current().chain(actor -> seats.add(actor, slug, body.userId()).map(game -> Response
                .created(URI.create("/api/v1/games/" + slug + "/players/" + body.userId())).entity(game).build()));
    }

    @DELETE
    @Path("/players/{user_id}")
    public Uni<Response> remove(@PathParam("slug") String slug, @PathParam("user_id") String userId) {
        return actors.current().chain(actor -> seats.remove(actor, slug, userId).map(v -> Response.noContent().build()));
    }
}
