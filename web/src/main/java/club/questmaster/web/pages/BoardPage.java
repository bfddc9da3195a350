package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.session.WebSession;
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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The games board ("Annonces", questmaster.md §7.1): the filters of {@code GET /api/v1/games} as a plain GET form,
 * 12 games a page (the original's GAMES_PER_PAGE), each with its seats left, gm, system and date.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BoardPage {

    static final int GAMES_PER_PAGE = 12;

    private final GamesApi games;
    private final Directory directory;
    private final Pages pages;
    private final WebSession session;
    private final Template board;

    public BoardPage(@RestClient GamesApi games, Directory directory, Pages pages, WebSession session,
            @Location("board.html") Template board) {
        this.games = games;
        this.directory = directory;
        this.pages = pages;
        this.session = session;
        this.board = board;
    }

    /** The filters as the form sends them (and as the pagination links repeat them). */
    public record Filters(List<String> status, List<String> type, List<String> restriction, String name, Long system,
            Long vtt, Long event) {

        public boolean has(String field, String value) {
            List<String> values = switch (field) {
                case "status" -> status;
                case "type" -> type;
                case "restriction" -> restriction;
                default -> List.of();
            };
            return values.contains(value);
        }

        /** The query string of these filters, for the page links. */
        public String query() {
            StringBuilder q = new StringBuilder();
            status.forEach(s -> q.append("&status=").append(enc(s)));
            type.forEach(s -> q.append("&type=").append(enc(s)));
            restriction.forEach(s -> q.append("&restriction=").append(enc(s)));
            if (name != null) {
                q.append("&name=").append(enc(name));
            }
            if (system != null) {
                q.append("&system=").append(system);
            }
            if (vtt != null) {
                q.append("&vtt=").append(vtt);
            }
            if (event != null) {
                q.append("&event=").append(event);
            }
            return q.toString();
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @GET
    public Uni<TemplateInstance> home(@QueryParam("status") List<String> status, @QueryParam("type") List<String> type,
            @QueryParam("restriction") List<String> restriction, @QueryParam("name") String name,
            @QueryParam("system") String system, @QueryParam("vtt") String vtt, @QueryParam("event") String event,
            @QueryParam("page") String page) {
        return list(status, type, restriction, name, system, vtt, event, page);
    }

    @GET
    @Path("annonces/")
    public Uni<TemplateInstance> list(@QueryParam("status") List<String> status, @QueryParam("type") List<String> type,
            @QueryParam("restriction") List<String> restriction, @QueryParam("name") String name,
            @QueryParam("system") String system, @QueryParam("vtt") String vtt, @QueryParam("event") String event,
            @QueryParam("page") String page) {
        Filters filters = new Filters(allowed(status, "draft", "open", "closed", "archived", "cancelled"),
                allowed(type, "oneshot", "campaign"), allowed(restriction, "all", "16+", "18+"),
                name == null || name.isBlank() ? null : name.strip(), id(system), id(vtt), id(event));
        int pageNumber = Math.max(1, id(page) == null ? 1 : id(page).intValue());
        return Uni.combine().all().unis(
                        games.games(session.bearer(), filters.status(), filters.type(), filters.restriction(),
                                filters.name(), filters.system(), filters.vtt(), null, null, filters.event(),
                                pageNumber, GAMES_PER_PAGE),
                        directory.allReferences())
                .asTuple()
                .flatMap(t -> directory.names(t.getItem1().items().stream().map(Game::gmId).toList())
                        .map(names -> pages.page(board, "Annonces")
                                .data("result", t.getItem1())
                                .data("refs", t.getItem2())
                                .data("names", names)
                                .data("filters", filters)));
    }

    /** Only the values the API knows: a hand-edited URL gets the board, not a 400. */
    private static List<String> allowed(List<String> values, String... known) {
        List<String> allowed = List.of(known);
        return values == null ? List.of() : values.stream().filter(allowed::contains).distinct().toList();
    }

    static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
