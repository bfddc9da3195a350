package club.questmaster.web.pages;

import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Messages;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The new-game ("/annonce/") and edit ("/annonces/{slug}/editer/") forms. On a refusal the form comes back with what
 * was typed and each problem+json field error next to its field (status 400/409 kept, so the page is not taken for
 * a success); the rest of the problem goes in the message at the top.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class GameFormPage {

    private final GamesApi games;
    private final Directory directory;
    private final Pages pages;
    private final WebSession session;
    private final Template form;

    public GameFormPage(@RestClient GamesApi games, Directory directory, Pages pages, WebSession session,
            @Location("game-form.html") Template form) {
        this.games = games;
        this.directory = directory;
        this.pages = pages;
        this.session = session;
        this.form = form;
    }

    @GET
    @Path("annonce")
    public Uni<Response> newGame() {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/annonce/", "Connectez-vous pour proposer une partie."));
        }
        return render(GameForm.blank(), null, null, 200);
    }

    @POST
    @Path("annonce")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(MultivaluedMap<String, String> submitted) {
        pages.checkCsrf(submitted);
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/annonce/", "Connectez-vous pour proposer une partie."));
        }
        GameForm values = GameForm.submitted(submitted);
        Map<String, Object> body = values.createBody();
        if (values.hasErrors()) {
            return render(values, null, "Certains champs sont invalides.", 400);
        }
        String action = submitted.getFirst("action");
        return games.create(session.bearer(), body)
                .flatMap(created -> publishIfAsked(created, action, submitted.getFirst("confirm_past_date") != null))
                .onFailure(GameFormPage::isFormError)
                .recoverWithUni(p -> render(withErrors(values, (ApiProblem) p), null, Messages.of((ApiProblem) p),
                        ((ApiProblem) p).status()));
    }

    @GET
    @Path("annonces/{slug}/editer")
    public Uni<Response> edit(@PathParam("slug") String slug) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/annonces/" + slug + "/editer/", "Connectez-vous pour continuer."));
        }
        return games.game(session.bearer(), slug).flatMap(game -> render(GameForm.of(game), game, null, 200));
    }

    @POST
    @Path("annonces/{slug}/editer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> update(@PathParam("slug") String slug, MultivaluedMap<String, String> submitted) {
        pages.checkCsrf(submitted);
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/annonces/" + slug + "/editer/", "Connectez-vous pour continuer."));
        }
        GameForm values = GameForm.submitted(submitted);
        return games.game(session.bearer(), slug).flatMap(game -> {
            Map<String, Object> body = values.patchBody(game);
            if (values.hasErrors()) {
                return render(values, game, "Certains champs sont invalides.", 400);
            }
            Uni<Game> saved = body.isEmpty() ? Uni.createFrom().item(game) : games.edit(session.bearer(), slug, body);
            return saved
                    .flatMap(edited -> publishIfAsked(edited, submitted.getFirst("action"),
                            submitted.getFirst("confirm_past_date") != null))
                    .onFailure(GameFormPage::isFormError)
                    .recoverWithUni(p -> render(withErrors(values, (ApiProblem) p), game, Messages.of((ApiProblem) p),
                            ((ApiProblem) p).status()));
        });
    }

    /** The form's buttons: keep as a draft, publish ("Publier et ouvrir") or open without announcing. */
    private Uni<Response> publishIfAsked(Game game, String action, boolean confirmPastDate) {
        String url = GamePage.gameUrl(game.slug());
        if (!"draft".equals(game.status()) || !("open".equals(action) || "open-silent".equals(action))) {
            return Uni.createFrom().item(pages.redirect(url, "draft".equals(game.status())
                    ? "Brouillon enregistré." : "Le contenu de l'annonce a été édité."));
        }
        boolean silent = "open-silent".equals(action);
        return games.transition(session.bearer(), game.slug(), "publish",
                        Map.of("silent", silent, "confirm_past_date", confirmPastDate))
                .map(published -> pages.redirect(url, silent ? "L'annonce a été ouverte silencieusement."
                        : "L'annonce a été publiée et ouverte."))
                .onFailure(GameFormPage::isFormError)
                // The draft is kept (the original sends the gm to the edit form): say why it is not published.
                .recoverWithItem(p -> pages.redirect("/annonces/" + game.slug() + "/editer/",
                        "Brouillon enregistré, mais pas publié : " + Messages.of((ApiProblem) p)));
    }

    private static boolean isFormError(Throwable t) {
        return t instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 422);
    }

    private static GameForm withErrors(GameForm values, ApiProblem problem) {
        values.addErrors(Messages.fields(problem));
        return values;
    }

    private Uni<Response> render(GameForm values, Game game, String message, int status) {
        return directory.allReferences().map(refs -> Response.status(status)
                .entity(pages.page(form, game == null ? "Nouvelle annonce" : "Modifier " + game.name())
                        .data("form", values)
                        .data("game", game)
                        .data("draft", game == null || "draft".equals(game.status()))
                        .data("refs", refs)
                        .data("problem", message))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build());
    }
}
