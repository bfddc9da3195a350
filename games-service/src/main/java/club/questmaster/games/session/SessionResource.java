package club.questmaster.games.session;

import club.questmaster.platform.security.Callers;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sessions of a game: read by anyone who sees the game, written by its gm and admins. */
@Tag(name = "Sessions", description = "The sessions of a game")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/games/{slug}/sessions")
public class SessionResource {

    public record SessionCreate(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {
    }

    public record SessionPatch(OffsetDateTime start, OffsetDateTime end) {
    }

    private final SessionService service;
    private final Callers callers;

    public SessionResource(SessionService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    @Operation(operationId = "listSessions", summary = "A game's sessions, in order (anyone who may see the game)")
    public Uni<List<SessionView>> list(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.list(caller, slug));
    }

    @POST
    @Operation(operationId = "createSession",
            summary = "Add a session: start before end, at most 24 h, no overlap (its gm or an admin+; not on drafts)")
    @APIResponseSchema(value = SessionView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409",
            description = "Overlaps another session of the game, or a draft, archived or cancelled game "
                    + "(SESSION_CONFLICT, INVALID_TRANSITION)")
    public Uni<Response> create(@PathParam("slug") String slug, @Valid @NotNull SessionCreate body) {
        return callers.current().chain(caller -> service.create(caller, slug, body.start(), body.end()).map(s -> Response
                .created(URI.create("/api/v1/games/" + slug + "/sessions/" + s.id())).entity(s).build()));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateSession", summary = "Move a session (its gm or an admin+; same rules as adding)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "Overlaps another session of the game, or an archived or "
            + "cancelled game (SESSION_CONFLICT, INVALID_TRANSITION)")
    @APIResponseSchema(value = SessionView.class, responseCode = "200", responseDescription = "Updated")
    public Uni<SessionView> update(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull SessionPatch body) {
        return callers.current().chain(caller -> service.update(caller, slug, id, body.start(), body.end()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSession", summary = "Delete a session (its gm or an admin+)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "An archived or cancelled game (INVALID_TRANSITION)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    public Uni<Response> delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        return callers.current().chain(caller -> service.delete(caller, slug, id).map(v -> Response.noContent().build()));
    }
}
