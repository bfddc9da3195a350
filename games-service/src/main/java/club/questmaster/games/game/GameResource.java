package club.questmaster.games.game;

import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import club.questmaster.platform.security.Callers;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.platform.web.QueryParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Games and their lifecycle (contract §3). HTTP only: the rules live in {@link GameService}. */
@Tag(name = "Games", description = "Games and their lifecycle: draft, open, closed, archived, cancelled")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/games")
public class GameResource {

    private static final Set<String> TYPES = Set.of("oneshot", "campaign");
    private static final Set<String> RESTRICTIONS = Set.of("all", "16+", "18+");

    private final GameService service;
    private final Callers callers;

    public GameResource(GameService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @RequiresScope(Scopes.GAMES_WRITE)
    @POST
    @Operation(operationId = "createGame",
            summary = "Create a draft (gm+; the caller is its gm, an admin may name another)")
    @APIResponseSchema(value = GameView.class, responseCode = "201", responseDescription = "Created: the draft")
    @APIResponse(responseCode = "403", description = "Not a gm (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    public Uni<Response> create(@Valid @NotNull GameInput body) {
        return callers.current().chain(caller -> service.create(caller, body)
                .map(game -> Response.created(URI.create("/api/v1/games/" + game.slug())).entity(game).build()));
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    @Operation(operationId = "listGames",
            summary = "Games by filters, by status then upcoming first (default open; drafts: their gm and admins)")
    public Uni<PageResult<GameView>> list(@QueryParam("status") List<String> status,
            @QueryParam("type") List<String> type, @QueryParam("restriction") List<String> restriction,
            @QueryParam("name") String name, @QueryParam("system_id") String systemId,
            @QueryParam("vtt_id") String vttId, @QueryParam("gm_id") String gmId,
            @QueryParam("player_id") String playerId, @QueryParam("special_event_id") String specialEventId,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        List<String> statuses = values("status", status, GameStatus.VALUES);
        List<String> types = values("type", type, TYPES);
        List<String> restrictions = values("restriction", restriction, RESTRICTIONS);
        Long system = QueryParams.optionalLong("system_id", systemId);
        Long vtt = QueryParams.optionalLong("vtt_id", vttId);
        Long specialEvent = QueryParams.optionalLong("special_event_id", specialEventId);
        PageRequest pageRequest = PageRequest.parse(page, perPage);
        String searchName = QueryParams.text("name", name, QueryParams.MAX_SEARCH_LENGTH).orElse(null);
        return callers.current().chain(caller -> {
            String player = playerId == null || playerId.isBlank() ? null : playerId.trim();
            if ("me".equals(player)) {
                if (caller.anonymous()) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "player_id=me needs a bearer token.");
                }
                player = caller.id();
            }
            GameQuery query = new GameQuery(statuses.isEmpty() ? List.of("open") : statuses, types, restrictions,
                    searchName, system, vtt, gmId == null || gmId.isBlank() ? null : gmId.trim(), player, specialEvent,
                    caller.id(), caller.admin());
            return service.list(query, pageRequest);
        });
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    @Path("/{slug}")
    @Operation(operationId = "getGame",
            summary = "A game with its sessions and player ids (a draft: its gm and admins only)")
    public Uni<GameView> get(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.get(caller, slug));
    }

    @RequiresScope(Scopes.GAMES_WRITE)
    @PATCH
    @Path("/{slug}")
    @Operation(operationId = "updateGame",
            summary = "Change some fields (its gm or an admin+); name, type and special event only while draft")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "Renaming or retyping a published game, or any change to an "
            + "archived or cancelled game (INVALID_TRANSITION)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The game as it is now")
    public Uni<GameView> update(@PathParam("slug") String slug, @NotNull ObjectNode body) {
        return callers.current().chain(caller -> service.update(caller, slug, body));
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteGame", summary = "Delete a draft (its gm or an admin+)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "Not a draft (INVALID_TRANSITION)")
    public Uni<Response> delete(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.delete(caller, slug).map(v -> Response.noContent().build()));
    }

    @POST
    @Path("/{slug}/publish")
    @Operation(operationId = "publishGame",
            summary = "Publish a draft: open, or closed when silent; creates the first session (its gm or an admin+)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409",
            description = "Already published, full, or dated in the past without confirm_past_date "
                    + "(ALREADY_PUBLISHED, GAME_FULL, PAST_DATE)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The published game")
    public Uni<GameView> publish(@PathParam("slug") String slug, GameRequests.Publish body) {
        boolean silent = body != null && Boolean.TRUE.equals(body.silent());
        boolean confirm = body != null && Boolean.TRUE.equals(body.confirmPastDate());
        return callers.current().chain(caller -> service.publish(caller, slug, silent, confirm));
    }

    @POST
    @Path("/{slug}/close")
    @Operation(operationId = "closeGame", summary = "Close an open game to registrations (its gm or an admin+)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "Neither open nor closed by itself when full (INVALID_TRANSITION)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The closed game")
    public Uni<GameView> close(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.close(caller, slug));
    }

    @POST
    @Path("/{slug}/reopen")
    @Operation(operationId = "reopenGame", summary = "Reopen a closed game to registrations (its gm or an admin+)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "Not closed (INVALID_TRANSITION)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The reopened game")
    public Uni<GameView> reopen(@PathParam("slug") String slug) {
        return callers.current().chain(caller -> service.reopen(caller, slug));
    }

    @POST
    @Path("/{slug}/archive")
    @Operation(operationId = "archiveGame",
            summary = "Archive an open or closed game, optionally awarding badges (its gm or an admin+; idempotent)")
    @APIResponse(responseCode = "403",
            description = "Neither its gm nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "409", description = "A draft or a cancelled game (INVALID_TRANSITION)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The archived game")
    public Uni<GameView> archive(@PathParam("slug") String slug, GameRequests.Archive body) {
        boolean award = body != null && Boolean.TRUE.equals(body.awardTrophies());
        return callers.current().chain(caller -> service.archive(caller, slug, award));
    }

    @POST
    @Path("/{slug}/cancel")
    @Operation(operationId = "cancelGame", summary = "Cancel an open or closed game, with an optional reason told to "
            + "the players (its gm or an admin+); terminal: no registration, no awards")
    @APIResponse(responseCode = "400", description = "A reason longer than 500 characters (VALIDATION_ERROR)")
    @APIResponse(responseCode = "403", description = "Neither its gm nor an admin+ (FORBIDDEN)")
    @APIResponse(responseCode = "404", description = "Unknown game, or a draft of someone else (NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Not open or closed (INVALID_TRANSITION)")
    @APIResponseSchema(value = GameView.class, responseCode = "200", responseDescription = "The cancelled game")
    public Uni<GameView> cancel(@PathParam("slug") String slug, @Valid GameRequests.Cancel body) {
        String reason = body == null ? null : body.reason();
        return callers.current().chain(caller -> service.cancel(caller, slug, reason));
    }

    @POST
    @Path("/{slug}/alert")
    @Operation(operationId = "alertAdmins",
            summary = "Report the game to the admins (its gm, a registered player or an admin+)")
    @APIResponse(responseCode = "204", description = "Reported")
    @APIResponse(responseCode = "403",
            description = "Neither its gm, a registered player nor an admin (FORBIDDEN), or banned (ACCOUNT_BANNED)")
    public Uni<Response> alert(@PathParam("slug") String slug, @Valid @NotNull GameRequests.Alert body) {
        return callers.current()
                .chain(caller -> service.alert(caller, slug, body.message()).map(v -> Response.noContent().build()));
    }

    /** Repeatable and comma-separated values, each checked against the allowed set (400 otherwise). */
    private static List<String> values(String param, List<String> raw, Set<String> allowed) {
        if (raw == null) {
            return List.of();
        }
        List<String> values = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).distinct().toList();
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw ApiException.invalid(param, "unknown value '" + v + "'");
            }
        }
        return values;
    }
}
