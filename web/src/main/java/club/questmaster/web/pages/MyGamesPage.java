package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** "Mes annonces" (the games I run, every status) and "Mes parties" (the games I play in), like the original. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MyGamesPage {

    private static final List<String> EVERY_STATUS = List.of("draft", "open", "closed", "archived", "cancelled");

    private final GamesApi games;
    private final Directory directory;
    private final Pages pages;
    private final WebSession session;
    private final Template mine;

    public MyGamesPage(@RestClient GamesApi games, Directory directory, Pages pages, WebSession session,
            @Location("my-games.html") Template mine) {
        this.games = games;
        this.directory = directory;
        this.pages = pages;
        this.session = session;
        this.mine = mine;
    }

    @GET
    @Path("mes_annonces")
    public Uni<Response> asGm(@QueryParam("page") String page) {
        return list("/mes_annonces/", "Mes annonces", true, page);
    }

    @GET
    @Path("mes_parties")
    public Uni<Response> asPlayer(@QueryParam("page") String page) {
        return list("/mes_parties/", "Mes parties", false, page);
    }

    private Uni<Response> list(String path, String title, boolean asGm, String page) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin(path, "Connectez-vous pour voir vos parties."));
        }
        Long n = BoardPage.id(page);
        int pageNumber = n == null ? 1 : n.intValue();
        // cancelled is a v1.1 status: a v1 games-service would refuse it, so only the statuses it knows are asked.
        return games.games(session.bearer(), EVERY_STATUS.subList(0, 4), List.of(), List.of(), null, null, null,
                        asGm ? session.userId() : null, asGm ? null : "me", null, pageNumber, BoardPage.GAMES_PER_PAGE)
                .flatMap(result -> Uni.combine().all()
                        .unis(directory.names(result.items().stream().map(Game::gmId).toList()), directory.allReferences())
                        .asTuple()
                        .map(t -> Response.ok(pages.page(mine, title)
                                .data("result", result)
                                .data("names", t.getItem1())
                                .data("refs", t.getItem2())
                                .data("path", path)
                                .data("asGm", asGm)).build()));
    }
}
