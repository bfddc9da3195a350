package club.questmaster.games.calendar;

import club.questmaster.games.calendar.CalendarService.CalendarEvent;
import club.questmaster.platform.security.RequiresScope;
import club.questmaster.platform.security.Scopes;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calendar JSON (anyone) and the iCalendar feed (anyone; subscribe to it from any calendar application). */
@Tag(name = "Calendar", description = "Sessions as calendar events (JSON) and as an iCalendar feed")
@Path("/api/v1")
public class CalendarResource {

    private final CalendarService service;
    private final CommunityTime communityTime;

    public CalendarResource(CalendarService service, CommunityTime communityTime) {
        this.service = service;
        this.communityTime = communityTime;
    }

    @RequiresScope(Scopes.CALENDAR_READ)
    @GET
    @Path("/calendar/events")
    @Operation(operationId = "listCalendarEvents",
            summary = "The sessions lying fully inside [start, end] of every non-draft game, with their colours")
    public Uni<List<CalendarEvent>> events(@QueryParam("start") String start, @QueryParam("end") String end) {
        return service.events(time("start", start), time("end", end));
    }

    /** A bad date is the client's 400 (a JAX-RS converter failure on a query parameter would be a 404). */
    private OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(name, "required ISO-8601 date or date-time");
        }
        try {
            return communityTime.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "not an ISO-8601 date or date-time");
        }
    }

    @RequiresScope(Scopes.CALENDAR_READ)
    @GET
    @Path("/calendar.ics")
    @Operation(operationId = "getCalendarFeed",
            summary = "An iCalendar (RFC 5545) feed of the sessions of a gm, a player or a game (non-draft games)")
    @APIResponse(responseCode = "200",
            description = "The feed",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> ics(@QueryParam("gm_id") String gmId, @QueryParam("player_id") String playerId,
            @QueryParam("game") String game) {
        return service.feed(blank(gmId), blank(playerId), blank(game)).map(body -> Response.ok(body)
                .type("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"questmaster.ics\"").build());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
