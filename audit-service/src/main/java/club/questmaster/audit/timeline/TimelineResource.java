package club.questmaster.audit.timeline;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import club.questmaster.platform.web.QueryParams;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.platform.security.Role;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The game timeline (contract §5). Query parameters are taken as text and read with {@link QueryParams}, so that a
 * bad one is a 400 naming it (JAX-RS would answer 404 for an unconvertible query parameter). The security annotations
 * answer 401/403 before any parameter is looked at; the service checks the finer rule (whose game it is).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private static final Pattern USER_ID = Pattern.compile("\\d{17,21}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final int MAX_Q_LENGTH = 200;

    private final TimelineService timeline;
    private final CommunityTime communityTime;

    public TimelineResource(TimelineService timeline, CommunityTime communityTime) {
        this.timeline = timeline;
        this.communityTime = communityTime;
    }

    @GET
    @Authenticated
    @Path("/games/{game_id}/events")
    @Operation(summary = "A game's timeline, oldest first (its gm and admins)")
    public Uni<PageResult<GameEventView>> gameTimeline(@PathParam("game_id") String gameId,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        if (!NUMBER.matcher(gameId).matches()) {
            throw ApiException.notFound("No game " + gameId + " in the audit log.");
        }
        return timeline.timeline(Long.parseLong(gameId), PageRequest.parse(page, perPage));
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERUSER_NAME})
    @Path("/game-events")
    @Operation(summary = "Search every game event, newest first (admins); q matches description, slug and action")
    public Uni<PageResult<GameEventView>> search(
            @Parameter(description = "one of the nine actions") @QueryParam("action") String action,
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
        if (wantedUser != null && !USER_ID.matcher(wantedUser).matches()) {
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
