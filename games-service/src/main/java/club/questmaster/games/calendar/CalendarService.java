package club.questmaster.games.calendar;

import club.questmaster.games.calendar.CalendarRepository.SessionRow;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calendar JSON of the original (docs/original-rules.md#calendar) and an iCalendar feed (which the original did not
 * have).
 */
@ApplicationScoped
public class CalendarService {

    /** At most about a year per calendar request (a month view asks for ~6 weeks). */
    static final Duration MAX_RANGE = Duration.ofDays(400);

    /**
     * {@code {id,title,start,end,color,type,game_slug}}, plus (contract §7) the game's {@code status}, so a month view
     * can show the sessions of a cancelled game as called off.
     */
    public record CalendarEvent(long id, String title, OffsetDateTime start, OffsetDateTime end, String color,
            String type, String gameSlug, String status) {
    }

    private final CalendarRepository calendar;
    private final UserDirectory users;
    private final ZoneId zone;

    public CalendarService(CalendarRepository calendar, UserDirectory users, CommunityTime time) {
        this.calendar = calendar;
        this.users = users;
        this.zone = time.zone();
    }

    /**
     * Sessions lying fully inside [start, end] (docs/original-rules.md#calendar), with the original's colours; an end
     * past midnight is shown as 23:59:59 of the start day (in the community's zone).
     */
    @WithSession
    public Uni<List<CalendarEvent>> events(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            throw ApiException.invalid(start == null ? "start" : "end", "required ISO-8601 date or date-time");
        }
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.invalid("end", "must be after start, at most 400 days later");
        }
        return calendar.inside(start, end).map(rows -> rows.stream().map(this::event).toList());
    }

    private CalendarEvent event(SessionRow s) {
        ZonedDateTime localStart = s.start().atZoneSameInstant(zone);
        ZonedDateTime localEnd = s.end().atZoneSameInstant(zone);
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            localEnd = localStart.toLocalDate().atTime(LocalTime.of(23, 59, 59)).atZone(zone);
        }
        return new CalendarEvent(s.id(), s.name(), s.start(), localEnd.toOffsetDateTime(),
                "oneshot".equals(s.type()) ? "#75b798" : "#0d6efd", s.type(), s.slug(), s.status());
    }

    /**
     * The iCalendar feed of a gm's games, a player's games or one game (filters combine). The sessions are read in a
     * session that is closed (its connection back in the pool) before the gms' names are read from the users
     * projection: never two connections at once (docs/database-access.md).
     */
    public Uni<String> feed(String gmId, String playerId, String slug) {
        if (gmId == null && playerId == null && slug == null) {
            throw ApiException.invalid("gm_id", "one of gm_id, player_id or game is required");
        }
        return Panache.withSession(() -> {
            Uni<List<Long>> gameIds = playerId == null ? Uni.createFrom().nullItem()
                    : calendar.gamesOfPlayer(playerId);
            return gameIds.chain(ids -> ids != null && ids.isEmpty() ? Uni.createFrom().item(List.<SessionRow>of())
                    : calendar.feed(gmId, ids, slug));
        }).chain(rows -> users.findAll(rows.stream().map(SessionRow::gmId).distinct().toList())
                .map(gms -> ICalendar.write(rows, gms.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> nameOf(e.getValue()))), OffsetDateTime.now())));
    }

    private static String nameOf(KnownUser user) {
        String name = user.displayName();
        return name == null ? user.id() : name;
    }
}
