package club.questmaster.web.errors;

import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Messages;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One page for every error, in French, with the status it stands for and never a stack trace. A service that refuses
 * the user's token (expired, revoked, banned) signs them out and sends them to the login page.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final Pages pages;
    private final WebSession session;

    public ErrorPages(@Location("error.html") Template error, Pages pages, WebSession session) {
        this.error = error;
        this.pages = pages;
        this.session = session;
    }

    @ServerExceptionMapper
    public Response problem(ApiProblem problem, UriInfo uri) {
        if (problem.status() == 401 || problem.is("ACCOUNT_BANNED")) {
            boolean wasSignedIn = session.signedIn();
            session.signOut();
            String message = problem.is("ACCOUNT_BANNED") ? "Votre compte est banni : vous avez été déconnecté·e."
                    : wasSignedIn ? "Votre session a expiré : reconnectez-vous." : "Connectez-vous pour continuer.";
            return pages.toLogin(uri.getPath(), message);
        }
        if (problem.status() >= 500) {
            LOG.warnf("%s", problem.getMessage());
            return render(502, "Un service ne répond pas correctement",
                    problem.service() + " a rencontré une erreur. Réessayez dans un instant.");
        }
        return render(problem.status(), title(problem.status()), Messages.of(problem));
    }

    @ServerExceptionMapper
    public Response csrf(Pages.CsrfRejected rejected) {
        return render(403, "Formulaire expiré",
                "Ce formulaire n'a pas été envoyé depuis cette page, ou il a expiré. Rechargez la page et recommencez.");
    }

    /** A service that does not answer in time or refuses the connection. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException down) {
        return serviceDown(down);
    }

    private Response serviceDown(Throwable down) {
        LOG.warnf("a service is unreachable: %s", rootMessage(down));
        return render(503, "Service indisponible", "Un des services de QuestMaster ne répond pas pour le moment ("
                + ServiceNames.of(down) + "). Réessayez dans quelques instants.");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return render(status, title(status), status == 404 ? "Cette page n'existe pas (ou plus)."
                : status == 405 ? "Cette adresse ne s'utilise pas ainsi." : "La demande n'a pas pu aboutir.");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable t) {
        if (Unreachable.is(t)) {
            return serviceDown(t);
        }
        LOG.error("unexpected error while rendering a page", t);
        return render(500, "Erreur inattendue", "Quelque chose s'est mal passé de notre côté. Réessayez dans un instant.");
    }

    private Response render(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(error, title).data("status", status).data("message", message)).build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Demande invalide";
            case 401 -> "Connexion requise";
            case 403 -> "Accès refusé";
            case 404 -> "Page introuvable";
            case 405 -> "Méthode non autorisée";
            case 409 -> "Action impossible";
            case 413 -> "Envoi trop volumineux";
            case 429 -> "Trop de demandes";
            case 503 -> "Service indisponible";
            default -> status >= 500 ? "Erreur du serveur" : "Erreur";
        };
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
