package club.questmaster.games.poll;

import club.questmaster.platform.security.Callers;
import club.questmaster.games.poll.PollRequests.AnswersPut;
import club.questmaster.games.poll.PollRequests.Pick;
import club.questmaster.games.poll.PollRequests.PollCreate;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Availability polls of a game (contract §7). HTTP only: the rules live in {@link PollService}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/games/{slug}/polls")
@Tag(name = "Polls", description = "Availability polls: candidate sessions the registered players answer")
public class PollResource {

    private final PollService service;
    private final Callers callers;

    public PollResource(PollService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listPolls", summary = "The game's polls, newest first (its gm, admins, its players)")
    @APIResponse(responseCode = "403", description = "Neither its gm, an admin nor a registered player (FORBIDDEN)")
    @APIResponse(responseCode = "200", description = "The polls, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PollView.class)))
    public Uni<List<PollView>> list(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.list(caller, slug));
    }

    @POST
    @Operation(operationId = "createPoll", summary = "Propose 2 to 20 candidate sessions (its gm or an admin+)")
    @APIResponseSchema(value = PollView.class, responseCode = "201", responseDescription = "Created: the open poll")
    @APIResponse(responseCode = "409",
            description = "A poll is already open, or the game is a draft, archived or cancelled "
                    + "(POLL_ALREADY_OPEN, INVALID_TRANSITION)")
    public Uni<Response> create(@PathParam("slug") String slug, @Valid @NotNull PollCreate body) {
        return callers.current().chain(caller -> service.create(caller, slug, body).map(poll -> Response
                .created(URI.create("/api/v1/games/" + slug + "/polls/" + poll.id())).entity(poll).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPoll", summary = "A poll with its counts and your answers (its gm, admins, its players)")
    @APIResponse(responseCode = "403", description = "Neither its gm, an admin nor a registered player (FORBIDDEN)")
    @APIResponseSchema(value = PollView.class, responseCode = "200", responseDescription = "The poll")
    public Uni<PollView> get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return callers.current().chain(caller -> service.get(caller, slug, id));
    }

    @PUT
    @Path("/{id}/answers/me")
    @Operation(operationId = "answerPoll", summary = "Replace your answers while the poll is open (registered players)")
    @APIResponse(responseCode = "403", description = "Not a registered player of the game (FORBIDDEN)")
    @APIResponse(responseCode = "409", description = "The poll is closed or picked (POLL_CLOSED)")
    @APIResponseSchema(value = PollView.class, responseCode = "200", responseDescription = "The poll with your answers")
    public Uni<PollView> answer(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull AnswersPut body) {
        return callers.current().chain(caller -> service.answer(caller, slug, id, body.answers()));
    }

    @POST
    @Path("/{id}/pick")
    @Operation(operationId = "pickPollOption",
            summary = "Pick an option: it becomes a session and the poll is settled (its gm or an admin+)")
    @APIResponse(responseCode = "409", description = "The poll is closed, or the session breaks the session rules "
            + "(POLL_CLOSED, SESSION_CONFLICT, LIMIT_REACHED, INVALID_TRANSITION)")
    @APIResponseSchema(value = PollView.class, responseCode = "200", responseDescription = "The picked poll")
    public Uni<PollView> pick(@PathParam("slug") String slug, @PathParam("id") long id, @Valid @NotNull Pick body) {
        return callers.current().chain(caller -> service.pick(caller, slug, id, body.optionId()));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closePoll", summary = "Close the poll without picking (its gm or an admin+)")
    @APIResponse(responseCode = "409", description = "The poll is already closed or picked (POLL_CLOSED)")
    @APIResponseSchema(value = PollView.class, responseCode = "200", responseDescription = "The closed poll")
    public Uni<PollView> close(@PathParam("slug") String slug, @PathParam("id") long id) {
        return callers.current().chain(caller -> service.close(caller, slug, id));
    }
}
