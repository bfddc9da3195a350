package club.questmaster.audit.timeline;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import club.questmaster.platform.web.QueryParams;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.platform.security.Callers;
import club.questmaster.platform.security.Permission;
import club.questmaster.platform.security.UserIds;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The game timeline (contract §5). Query parameters are taken as text and read with {@link QueryParams}, so that a
 * bad one is a 400 naming it (JAX-RS would answer 404 for an unconvertible query parameter). The security annotations
 * answer 401/403 before any parameter is looked at (admins hold {@code view_audit} by rank); the service checks the
 * finer rule (whose game it is).
 */
@Tag(name = "Audit", description = "The game timeline and the admin search over every game event")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final int MAX_Q_LENGTH = QueryParams.MAX_SEARCH_LENGTH;

    private final TimelineService timeline;
    private final Callers callers;
    private final CommunityTime communityTime;

    public TimelineResource(TimelineService timeline, Callers callers, CommunityTime communityTime) {
        this.timeline = timeline;
        this.callers = callers;
        this.communityTime = communityTime;
    }

    @GET
    @Authenticated
    @Path("/games/{game_id}/events")
    @Operation(operationId = "getGameTimeline",
            summary = "A game's timeline, oldest first (its gm, admins, view_audit)")
    public Uni<PageResult<GameEventView>> gameTimeline(@PathParam("game_id") String gameId,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        if (!NUMBER.matcher(gameId).matches()) {
            throw ApiException.notFound("No game " + gameId + " in the audit log.");
        }
        long id = Long.parseLong(gameId);
        PageRequest request = PageRequest.parse(page, perPage);
        return callers.current().chain(caller -> timeline.timeline(caller, id, request));
    }

    @GET
    @PermissionsAllowed(Permission.VIEW_AUDIT_NAME)
    @Path("/game-events")
    @Operation(operationId = "searchGameEvents",
            summary = "Search every game event, newest first (admins, view_audit); q: description, slug, action")
    public Uni<PageResult<GameEventView>> search(
            @Parameter(description = "one of the actions: create, edit, delete, create-session, edit-session,"
                    + " delete-session, register, unregister, alert, waitlist") @QueryParam("action") String action,
            @QueryParam("game_id") String gameId,
            @QueryParam("user_id") String userId,
            @Parameter(description = "case-insensitive substring of the description, the slug or the action")
            @QueryParam("q") String q,
            @Parameter(description = "inclusive lower bound, ISO-8601 (offset optional)") @QueryParam("from") String from,
            @Parameter(description = "inclusive upper bound, ISO-8601 (offset optional)") @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        String wantedAction = blankToNull(action);
        if (wantedAction != null && !GameEventData.Actions.ALL.contains(wantedAction)) {
            throw ApiException.invalid("action", "action must be one of " + GameEventData.Actions.ALL);
        }
        String wantedGame = blankToNull(gameId);
        if (wantedGame != null && !NUMBER.matcher(wantedGame).matches()) {
            throw ApiException.invalid("game_id", "game_id must be a number");
        }
        String wantedUser = blankToNull(userId);
        if (wantedUser != null && !UserIds.valid(wantedUser)) {
            throw ApiException.invalid("user_id", "user_id must be 17 to 21 digits");
        }
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_Q_LENGTH) {
            throw ApiException.invalid("q", "q must be at most " + MAX_Q_LENGTH + " characters");
        }
        OffsetDateTime since = QueryParams.optionalTime("from", from, communityTime);
        OffsetDateTime until = QueryParams.optionalTime("to", to, communityTime);
        if (since != null && until != null && since.isAfter(until)) {
            throw ApiException.invalid("from", "from must not be after to");
        }
        GameEventSearch search = new GameEventSearch(wantedAction, wantedGame == null ? null : Long.parseLong(wantedGame),
                wantedUser, text == null ? null : text.trim(), since, until);
        return timeline.search(search, PageRequest.parse(page, perPage));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
