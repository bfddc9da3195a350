package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Leaderboards;
import club.questmaster.web.api.Dtos.Rank;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.api.TrophiesApi;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The badge leaderboards ("/badges/classement/", four top 10s) and the monthly stats ("/stats/?year=&month="). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RankingsPage {

    private final TrophiesApi trophies;
    private final GamesApi games;
    private final Directory directory;
    private final Pages pages;
    private final Template leaderboards;
    private final Template stats;

    public RankingsPage(@RestClient TrophiesApi trophies, @RestClient GamesApi games, Directory directory, Pages pages,
            @Location("leaderboards.html") Template leaderboards, @Location("stats.html") Template stats) {
        this.trophies = trophies;
        this.games = games;
        this.directory = directory;
        this.pages = pages;
        this.leaderboards = leaderboards;
        this.stats = stats;
    }

    public record Board(String title, List<Rank> ranks) {
    }

    @GET
    @Path("badges/classement")
    public Uni<TemplateInstance> leaderboards() {
        return trophies.leaderboards().flatMap(boards -> {
            List<Board> four = List.of(new Board("Joueur·euses · one shots", orEmpty(boards.oneshotPlayers())),
                    new Board("Joueur·euses · campagnes", orEmpty(boards.campaignPlayers())),
                    new Board("MJ · one shots", orEmpty(boards.oneshotGms())),
                    new Board("MJ · campagnes", orEmpty(boards.campaignGms())));
            List<String> ids = four.stream().flatMap(b -> b.ranks().stream()).map(Rank::userId).toList();
            return directory.names(ids).map(names -> pages.page(leaderboards, "Classements")
                    .data("boards", four).data("names", names));
        });
    }

    @GET
    @Path("stats")
    public Uni<TemplateInstance> stats(@QueryParam("year") String year, @QueryParam("month") String month) {
        YearMonth now = YearMonth.now(Formats.zone());
        Long y = BoardPage.id(year);
        Long m = BoardPage.id(month);
        YearMonth shown = y != null && m != null && m <= 12 && y >= 2000 && y <= 2100
                ? YearMonth.of(y.intValue(), m.intValue()) : now;
        return games.stats(shown.getYear(), shown.getMonthValue()).map(s -> pages.page(stats, "Statistiques")
                .data("stats", s)
                .data("monthName", shown.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRANCE) + " "
                        + shown.getYear())
                .data("previous", shown.minusMonths(1))
                .data("next", shown.plusMonths(1)));
    }

    private static List<Rank> orEmpty(List<Rank> ranks) {
        return ranks == null ? List.of() : ranks;
    }
}
