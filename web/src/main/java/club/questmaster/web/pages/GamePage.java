package club.questmaster.web.pages;

import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.AuditApi;
import club.questmaster.web.api.Dtos.AuditEvent;
import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.api.Dtos.Page;
import club.questmaster.web.api.Dtos.Poll;
import club.questmaster.web.api.Dtos.WaitlistEntry;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.session.SessionData;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Messages;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A game's page ("/annonces/{slug}/"): its details, sessions and players, and the forms that act on it: register,
 * leave, the waitlist, the gm's status changes (publish, close, reopen, archive with badges, delete a draft) and
 * sessions. Each form answers with a redirect back to the page and the outcome as a one-time message.
 */
@Path("/annonces/{slug}")
@Produces(MediaType.TEXT_HTML)
public class GamePage {

    /** Candidate sessions a poll form offers (the API takes 2 to 20). */
    static final int POLL_ROWS = 4;

    private final GamesApi games;
    private final AuditApi audit;
    private final Directory directory;
    private final Pages pages;
    private final WebSession session;
    private final Template gamePage;

    public GamePage(@RestClient GamesApi games, @RestClient AuditApi audit, Directory directory, Pages pages,
            WebSession session, @Location("game.html") Template gamePage) {
        this.games = games;
        this.audit = audit;
        this.directory = directory;
        this.pages = pages;
        this.session = session;
        this.gamePage = gamePage;
    }

    /** What the page may offer the viewer; the services decide in the end. */
    public record Viewer(boolean signedIn, boolean isGm, boolean isAdmin, boolean registered,
            WaitlistEntry waitlist) {
        public boolean manages() {
            return isGm || isAdmin;
        }
    }

    @GET
    public Uni<TemplateInstance> show(@PathParam("slug") String slug) {
        return games.game(session.bearer(), slug).flatMap(game -> {
            SessionData me = session.user().orElse(null);
            boolean isGm = me != null && me.userId().equals(game.gmId());
            boolean isAdmin = me != null && me.isAdmin();
            List<String> ids = new ArrayList<>(game.players());
            ids.add(game.gmId());
            Uni<WaitlistEntry> waitlist = me != null && !isGm && !game.hasPlayer(me.userId()) && game.waitlistEnabled() != null
                    ? games.waitlist(session.bearer(), slug)
                            // A player reads their own entry (404 when not queued), an admin the whole queue.
                            .map(entries -> entries.stream().filter(e -> me.userId().equals(e.userId())).findFirst()
                                    .orElse(null))
                            .onFailure().recoverWithNull()
                    : Uni.createFrom().nullItem();
            boolean registered = me != null && game.hasPlayer(me.userId());
            Uni<List<Poll>> polls = (isGm || isAdmin || registered) && !"draft".equals(game.status())
                    // An older games-service has no polls (404): the page shows none.
                    ? games.polls(session.bearer(), slug).onFailure().recoverWithItem(List.of())
                    : Uni.createFrom().item(List.of());
            Uni<Page<AuditEvent>> timeline = isGm || isAdmin
                    ? audit.timeline(session.bearer(), game.id(), 1, 50).onFailure().recoverWithNull()
                    : Uni.createFrom().nullItem();
            return Uni.combine().all().unis(directory.names(ids), directory.allReferences(), waitlist, timeline, polls)
                    .asTuple()
                    .map(t -> pages.page(gamePage, game.name())
                            .data("game", game)
                            .data("names", t.getItem1())
                            .data("refs", t.getItem2())
                            .data("viewer", new Viewer(me != null, isGm, isAdmin, me != null && game.hasPlayer(me.userId()),
                                    t.getItem3()))
                            .data("timeline", t.getItem4())
                            .data("polls", t.getItem5()));
        });
    }

    @POST
    @Path("inscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return act(slug, form, () -> games.register(session.bearer(), slug), "Vous êtes inscrit·e.");
    }

    @POST
    @Path("desinscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> leave(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return act(slug, form, () -> games.leave(session.bearer(), slug), "Vous êtes désinscrit·e de la partie.");
    }

    /** Waitlist (contract §7): join, leave, accept or decline an offer. */
    @POST
    @Path("attente")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> waitlist(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String action = form.getFirst("action");
        return switch (action == null ? "" : action) {
            case "join" -> act(slug, form, () -> games.joinWaitlist(session.bearer(), slug).replaceWithVoid(),
                    "Vous êtes sur la liste d'attente.");
            case "leave" -> act(slug, form, () -> games.leaveWaitlist(session.bearer(), slug),
                    "Vous avez quitté la liste d'attente.");
            case "accept" -> act(slug, form, () -> games.answerOffer(session.bearer(), slug, "accept"),
                    "Vous êtes inscrit·e : la place vous attendait.");
            case "decline" -> act(slug, form, () -> games.answerOffer(session.bearer(), slug, "decline"),
                    "Vous avez laissé passer la place.");
            default -> Uni.createFrom().item(pages.redirect(gameUrl(slug), "Action demandée non gérée."));
        };
    }

    /** The gm's status changes (the original's "/statut/" form). */
    @POST
    @Path("statut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> status(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String status = form.getFirst("status");
        Map<String, Object> body = new LinkedHashMap<>();
        return switch (status == null ? "" : status) {
            case "publish", "publish-silent" -> {
                body.put("silent", status.equals("publish-silent"));
                body.put("confirm_past_date", form.getFirst("confirm_past_date") != null);
                yield act(slug, form, () -> games.transition(session.bearer(), slug, "publish", body).replaceWithVoid(),
                        status.equals("publish") ? "L'annonce a été publiée et ouverte." : "L'annonce a été ouverte silencieusement.");
            }
            case "close" -> act(slug, form, () -> games.transition(session.bearer(), slug, "close", body).replaceWithVoid(),
                    "L'annonce a été fermée aux inscriptions.");
            case "reopen" -> act(slug, form, () -> games.transition(session.bearer(), slug, "reopen", body).replaceWithVoid(),
                    "L'annonce a été ouverte aux inscriptions.");
            case "archive" -> {
                boolean award = form.getFirst("award_trophies") != null;
                body.put("award_trophies", award);
                yield act(slug, form, () -> games.transition(session.bearer(), slug, "archive", body).replaceWithVoid(),
                        award ? "Annonce archivée. Badges distribués." : "Annonce archivée. Badges non-distribués.");
            }
            case "delete" -> {
                pages.checkCsrf(form);
                yield games.delete(session.bearer(), slug)
                        .map(nothing -> pages.redirect("/mes_annonces/", "Le brouillon a été supprimé."))
                        .onFailure(ApiProblem.class).recoverWithItem(problem -> refused(slug, (ApiProblem) problem));
            }
            default -> Uni.createFrom().item(pages.redirect(gameUrl(slug), "Action demandée non gérée."));
        };
    }

    /** A poll of candidate sessions: up to {@link #POLL_ROWS} start/end pairs, the empty rows left out. */
    @POST
    @Path("sondages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createPoll(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        pages.checkCsrf(form);
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 1; i <= POLL_ROWS; i++) {
            String start = form.getFirst("start_" + i);
            String end = form.getFirst("end_" + i);
            if (start == null || start.isBlank() || end == null || end.isBlank()) {
                continue;
            }
            try {
                options.add(Map.of("start", LocalDateTime.parse(start).toString(), "end", LocalDateTime.parse(end).toString()));
            } catch (DateTimeParseException e) {
                return Uni.createFrom().item(pages.redirect(gameUrl(slug), "Dates du sondage invalides."));
            }
        }
        return act(slug, form, () -> games.createPoll(session.bearer(), slug, Map.of("options", options)).replaceWithVoid(),
                "Sondage créé : les joueur·euses peuvent répondre.");
    }

    /** A registered player's answers: one {@code option_<id>} field each (yes, maybe, no). */
    @POST
    @Path("sondages/{id}/reponses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answerPoll(@PathParam("slug") String slug, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("option_") && !values.isEmpty() && List.of("yes", "maybe", "no").contains(values.get(0))) {
                answers.put(key.substring("option_".length()), values.get(0));
            }
        });
        return act(slug, form, () -> games.answerPoll(session.bearer(), slug, id, Map.of("answers", answers))
                .replaceWithVoid(), "Réponses enregistrées.");
    }

    /** The gm picks an option (it becomes a session) or closes the poll. */
    @POST
    @Path("sondages/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decidePoll(@PathParam("slug") String slug, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        String pick = form.getFirst("pick");
        if (pick != null && !pick.isBlank()) {
            Long option = BoardPage.id(pick);
            Map<String, Object> body = option == null ? Map.of() : Map.of("option_id", option);
            return act(slug, form, () -> games.decidePoll(session.bearer(), slug, id, "pick", body).replaceWithVoid(),
                    "Créneau retenu : la session est ajoutée.");
        }
        return act(slug, form, () -> games.decidePoll(session.bearer(), slug, id, "close", Map.of()).replaceWithVoid(),
                "Sondage clos.");
    }

    /** A session from two {@code datetime-local} fields, read in the community's zone. */
    @POST
    @Path("sessions/ajouter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addSession(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        pages.checkCsrf(form);
        try {
            Map<String, Object> body = Map.of(
                    "start", LocalDateTime.parse(form.getFirst("date_start")).toString(),
                    "end", LocalDateTime.parse(form.getFirst("date_end")).toString());
            return act(slug, form, () -> games.addSession(session.bearer(), slug, body), "Session ajoutée.");
        } catch (DateTimeParseException | NullPointerException e) {
            return Uni.createFrom().item(pages.redirect(gameUrl(slug), "Dates de session invalides : la fin doit "
                    + "suivre le début et la session ne peut excéder 24 heures."));
        }
    }

    @POST
    @Path("sessions/{id}/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteSession(@PathParam("slug") String slug, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return act(slug, form, () -> games.deleteSession(session.bearer(), slug, id), "Session supprimée.");
    }

    @POST
    @Path("joueurs/{userId}/retirer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> removePlayer(@PathParam("slug") String slug, @PathParam("userId") String userId,
            MultivaluedMap<String, String> form) {
        return act(slug, form, () -> games.removePlayer(session.bearer(), slug, userId),
                "Liste des joueur·euses mise à jour.");
    }

    /**
     * Runs one action for a signed-in user and goes back to the game page with its outcome; a visitor is sent to the
     * login page first. A refusal (409 GAME_FULL, …) becomes the page's message; a 401 goes to the error mapper,
     * which signs the user out.
     */
    private Uni<Response> act(String slug, MultivaluedMap<String, String> form, java.util.function.Supplier<Uni<Void>> call,
            String success) {
        pages.checkCsrf(form);
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin(gameUrl(slug), "Connectez-vous pour continuer."));
        }
        return call.get()
                .map(nothing -> pages.redirect(gameUrl(slug), success))
                .onFailure(p -> p instanceof ApiProblem problem && problem.status() != 401 && !problem.is("ACCOUNT_BANNED")
                        && problem.status() < 500)
                .recoverWithItem((Function<Throwable, Response>) p -> refused(slug, (ApiProblem) p));
    }

    private Response refused(String slug, ApiProblem problem) {
        String fields = problem.errors().isEmpty() ? "" : " " + String.join(" ", Messages.fields(problem).entrySet().stream()
                .map(e -> e.getKey() + " : " + e.getValue()).toList());
        return pages.redirect(problem.status() == 404 ? "/annonces/" : gameUrl(slug), Messages.of(problem) + fields);
    }

    static String gameUrl(String slug) {
        return "/annonces/" + slug + "/";
    }
}
