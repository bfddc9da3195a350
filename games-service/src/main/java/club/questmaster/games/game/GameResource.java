package club.questmaster.games.game;

import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import club.questmaster.platform.web.QueryParams;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Games and their lifecycle (contract §3). HTTP only: the rules live in {@link GameService}. */
@Path("/api/v1/games")
public class GameResource {

    private static final Set<String> TYPES = Set.of("oneshot", "campaign");
    private static final Set<String> RESTRICTIONS = Set.of("all", "16+", "18+");

    private final GameService service;
    private final Actors actors;

    public GameResource(GameService service, Actors actors) {
        this.service = service;
        this.actors = actors;
    }

    @RequiresScope(Scopes.GAMES_WRITE)
    @POST
    public Uni<Response> create(@Valid @NotNull GameInput body) {
        return actors.current().chain(actor -> service.create(actor, body)
                .map(game -> Response.created(URI.create("/api/v1/games/" + game.slug())).entity(game).build()));
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
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
        return actors.current().chain(actor -> {
            String player = playerId == null || playerId.isBlank() ? null : playerId.trim();
            if ("me".equals(player)) {
                if (actor.anonymous()) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "player_id=me needs a bearer token.");
                }
                player = actor.id();
            }
            GameQuery query = new GameQuery(statuses.isEmpty() ? List.of("open") : statuses, types, restrictions,
                    searchName, system, vtt, gmId == null || gmId.isBlank() ? null : gmId.trim(), player, specialEvent,
                    actor.id(), actor.admin());
            return service.list(query, pageRequest);
        });
    }

    @RequiresScope(Scopes.GAMES_READ)
    @GET
    @Path("/{slug}")
    public Uni<GameView> get(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> service.get(actor, slug));
    }

    @RequiresScope(Scopes.GAMES_WRITE)
    @PATCH
    @Path("/{slug}")
    public Uni<GameView> update(@PathParam("slug") String slug, @NotNull ObjectNode body) {
        return actors.current().chain(actor -> service.update(actor, slug, body));
    }

    @DELETE
    @Path("/{slug}")
    public Uni<Response> delete(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> service.delete(actor, slug).map(v -> Response.noContent().build()));
    }

    @POST
    @Path("/{slug}/publish")
    public Uni<GameView> publish(@PathParam("slug") String slug, GameRequests.Publish body) {
        boolean silent = body != null && Boolean.TRUE.equals(body.silent());
        boolean confirm = body != null && Boolean.TRUE.equals(body.confirmPastDate());
        return actors.current().chain(actor -> service.publish(actor, slug, silent, confirm));
    }

    @POST
    @Path("/{slug}/close")
    public Uni<GameView> close(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> service.close(actor, slug));
    }

    @POST
    @Path("/{slug}/reopen")
    public Uni<GameView> reopen(@PathParam("slug") String slug) {
        return actors.current().chain(actor -> service.reopen(actor, slug));
    }

    @POST
    @Path("/{slug}/archive")
    public Uni<GameView> archive(@PathParam("slug") String slug, GameRequests.Archive body) {
        boolean award = body != null && Boolean.TRUE.equals(body.awardTrophies());
        return actors.current().chain(actor -> service.archive(actor, slug, award));
    }

    @POST
    @Path("/{slug}/alert")
    public Uni<Response> alert(@PathParam("slug") String slug, @Valid @NotNull GameRequests.Alert body) {
        return actors.current()
                .chain(actor -> service.alert(actor, slug, body.message()).map(v -> Response.noContent().build()));
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
