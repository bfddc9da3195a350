package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.CalendarEvent;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Formats;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calendar ("/calendrier/?mois=2026-12"): a month view of the sessions (Monday first, in the community's zone),
 * and the iCalendar links to copy into one's own agenda, served from this site ("/calendrier.ics").
 */
@Path("/")
public class CalendarPage {

    private final GamesApi games;
    private final Pages pages;
    private final WebSession session;
    private final Template calendar;

    public CalendarPage(@RestClient GamesApi games, Pages pages, WebSession session,
            @Location("calendar.html") Template calendar) {
        this.games = games;
        this.pages = pages;
        this.session = session;
        this.calendar = calendar;
    }

    @GET
    @Path("calendrier")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> month(@QueryParam("mois") String month, @Context UriInfo uri) {
        YearMonth shown = parse(month);
        MonthGrid grid = MonthGrid.of(shown);
        return games.calendar(grid.from(Formats.zone()), grid.to(Formats.zone()))
                .map(events -> {
                    grid.place(events, Formats.zone());
                    String base = uri.getBaseUri().toString().replaceAll("/$", "");
                    return pages.page(calendar, "Calendrier")
                            .data("grid", grid)
                            .data("monthName", shown.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRANCE)
                                    + " " + shown.getYear())
                            .data("previous", shown.minusMonths(1).toString())
                            .data("next", shown.plusMonths(1).toString())
                            .data("icsMine", session.signedIn()
                                    ? base + "/calendrier.ics?player_id=" + session.userId() : null)
                            .data("icsGm", session.user().filter(u -> u.mayRunGames()).isPresent()
                                    ? base + "/calendrier.ics?gm_id=" + session.userId() : null);
                });
    }

    /** games-service's feed under this site's address, so the link works wherever the pages are served. */
    @GET
    @Path("calendrier.ics")
    @Produces("text/calendar")
    public Uni<Response> ics(@QueryParam("gm_id") String gmId, @QueryParam("player_id") String playerId,
            @QueryParam("game") String game) {
        return games.ics(gmId, playerId, game).map(body -> Response.ok(body, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"questmaster.ics\"").build());
    }

    static YearMonth parse(String month) {
        if (month != null) {
            try {
                return YearMonth.parse(month.strip());
            } catch (DateTimeParseException ignored) {
                // a hand-edited URL gets the current month
            }
        }
        return YearMonth.now(Formats.zone());
    }

    /** Weeks of days (Monday first) covering the month, each with the sessions starting that day. */
    public static final class MonthGrid {
        private final YearMonth month;
        private final List<List<Day>> weeks;

        private MonthGrid(YearMonth month, List<List<Day>> weeks) {
            this.month = month;
            this.weeks = weeks;
        }

        public record Day(LocalDate date, boolean inMonth, List<CalendarEvent> events) {
            public int number() {
                return date.getDayOfMonth();
            }
        }

        static MonthGrid of(YearMonth month) {
            LocalDate first = month.atDay(1);
            LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - 1L);
            LocalDate last = month.atEndOfMonth();
            LocalDate end = last.plusDays(7L - last.getDayOfWeek().getValue());
            List<List<Day>> weeks = new java.util.ArrayList<>();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(7)) {
                List<Day> week = new java.util.ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate day = d.plusDays(i);
                    week.add(new Day(day, YearMonth.from(day).equals(month), new java.util.ArrayList<>()));
                }
                weeks.add(week);
            }
            return new MonthGrid(month, weeks);
        }

        java.time.OffsetDateTime from(java.time.ZoneId zone) {
            return weeks.get(0).get(0).date().atStartOfDay(zone).toOffsetDateTime();
        }

        java.time.OffsetDateTime to(java.time.ZoneId zone) {
            List<Day> lastWeek = weeks.get(weeks.size() - 1);
            return lastWeek.get(6).date().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }

        void place(List<CalendarEvent> events, java.time.ZoneId zone) {
            for (CalendarEvent event : events) {
                LocalDate day = event.start().atZoneSameInstant(zone).toLocalDate();
                weeks.stream().flatMap(List::stream).filter(d -> d.date().equals(day)).findFirst()
                        .ifPresent(d -> d.events().add(event));
            }
        }

        public List<List<Day>> weeks() {
            return weeks;
        }

        public YearMonth month() {
            return month;
        }
    }
}
