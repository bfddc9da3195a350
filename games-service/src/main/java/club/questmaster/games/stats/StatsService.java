package club.questmaster.games.stats;

import club.questmaster.games.calendar.CalendarRepository;
import club.questmaster.games.calendar.CalendarRepository.SessionRow;
import club.questmaster.games.reference.ReferenceService;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Monthly stats (docs/original-rules.md#stats): the sessions lying fully inside the month, drafts excluded, split into
 * one-shots and campaigns, per system and game, and the gm leaderboard ("Classement des MJs") by sessions.
 */
@ApplicationScoped
public class StatsService {

    /** The original's shape: {@code {period{start,end}, counts, oneshot_games, campaign_games, gm_leaderboard}}. */
    public record MonthlyStats(int year, int month, Period period, Counts counts,
            Map<String, Map<String, GameCount>> oneshotGames, Map<String, Map<String, GameCount>> campaignGames,
            List<GmCount> gmLeaderboard) {
    }

    public record Period(OffsetDateTime start, OffsetDateTime end) {
    }

    public record Counts(long oneshot, long campaign, long total) {
    }

    public record GameCount(String name, String gm, long count) {
    }

    public record GmCount(String name, long count) {
    }

    private final CalendarRepository calendar;
    private final ReferenceService references;
    private final UserDirectory users;
    private final ZoneId zone;

    public StatsService(CalendarRepository calendar, ReferenceService references, UserDirectory users,
            CommunityTime time) {
        this.calendar = calendar;
        this.references = references;
        this.users = users;
        this.zone = time.zone();
    }

    /** The sessions and systems in one closed session, then the gms' names: never two connections at once. */
    public Uni<MonthlyStats> monthly(Integer year, Integer month) {
        YearMonth current = YearMonth.now(zone);
        int y = year == null ? current.getYear() : year;
        int m = month == null ? current.getMonthValue() : month;
        if (m < 1 || m > 12) {
            throw ApiException.invalid("month", "must be between 1 and 12");
        }
        if (y < 2000 || y > 2200) {
            throw ApiException.invalid("year", "must be between 2000 and 2200");
        }
        YearMonth period = YearMonth.of(y, m);
        OffsetDateTime start = period.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = period.atEndOfMonth().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toOffsetDateTime();
        record Read(List<SessionRow> rows, List<club.questmaster.games.reference.ReferenceInputs.NamedIconView> systems) {
        }
        return Panache.withSession(() -> calendar.inside(start, end)
                .chain(rows -> references.systems().map(systems -> new Read(rows, systems))))
                .chain(read -> users.findAll(read.rows().stream().map(SessionRow::gmId).distinct().toList())
                .map(gms -> {
                    List<SessionRow> rows = read.rows();
                    var systems = read.systems();
                    Map<Long, String> systemNames = systems.stream()
                            .collect(Collectors.toMap(s -> s.id(), s -> s.name()));
                    Map<String, String> gmNames = new LinkedHashMap<>();
                    rows.forEach(r -> gmNames.computeIfAbsent(r.gmId(), id -> nameOf(gms.get(id), id)));
                    List<SessionRow> oneshots = rows.stream().filter(r -> "oneshot".equals(r.type())).toList();
                    List<SessionRow> campaigns = rows.stream().filter(r -> "campaign".equals(r.type())).toList();
                    Map<String, Long> perGm = rows.stream()
                            .collect(Collectors.groupingBy(r -> gmNames.get(r.gmId()), Collectors.counting()));
                    List<GmCount> leaderboard = perGm.entrySet().stream()
                            .map(e -> new GmCount(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingLong(GmCount::count).reversed().thenComparing(GmCount::name))
                            .toList();
                    return new MonthlyStats(y, m, new Period(start, end),
                            new Counts(oneshots.size(), campaigns.size(), rows.size()),
                            breakdown(oneshots, systemNames, gmNames), breakdown(campaigns, systemNames, gmNames),
                            leaderboard);
                }));
    }

    /** {system name: {slug: {name, gm, count}}}. */
    private static Map<String, Map<String, GameCount>> breakdown(List<SessionRow> rows, Map<Long, String> systems,
            Map<String, String> gmNames) {
        Map<String, Map<String, GameCount>> out = new TreeMap<>();
        for (SessionRow r : rows) {
            Map<String, GameCount> games = out.computeIfAbsent(systems.getOrDefault(r.systemId(), "?"),
                    k -> new LinkedHashMap<>());
            GameCount before = games.get(r.slug());
            games.put(r.slug(), new GameCount(r.name(), gmNames.get(r.gmId()), before == null ? 1 : before.count() + 1));
        }
        return out;
    }

    private static String nameOf(KnownUser user, String id) {
        return user == null || user.displayName() == null ? id : user.displayName();
    }
}
