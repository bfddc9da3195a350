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

/** The calendar JSON (anyone) and the iCalendar feed (anyone; subscribe to it from any calendar application). */
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
