package club.questmaster.games.session;

import club.questmaster.games.game.Actors;
import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/** Sessions of a game: read by anyone who sees the game, written by its gm and admins. */
@Path("/api/v1/games/{slug}/sessions")
public class SessionResource {

    public record SessionCreate(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {
    }

    public record SessionPatch(OffsetDateTime start, OffsetDateTime end) {
    }

    private final SessionService service;
    private final Actors actors;

    public SessionResource(SessionService service, Actors actors) {
        this.service = service;
        this.actors = actors;
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    public Uni<List<SessionView>> list(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> service.list(actor, slug));
    }

    @POST
    public Uni<Response> create(@PathParam("slug") String slug, @Valid @NotNull SessionCreate body) {
        return actors.current().chain(actor -> service.create(actor, slug, body.start(), body.end()).map(s -> Response
                .created(URI.create("/api/v1/games/" + slug + "/sessions/" + s.id())).entity(s).build()));
    }

    @PATCH
    @Path("/{id}")
    public Uni<SessionView> update(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull SessionPatch body) {
        return actors.current().chain(actor -> service.update(actor, slug, id, body.start(), body.end()));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        return actors.current().chain(actor -> service.delete(actor, slug, id).map(v -> Response.noContent().build()));
    }
}
