package club.questmaster.web.pages;

import club.questmaster.web.WebConfig;
import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.UsersApi;
import club.questmaster.web.session.SessionData;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Login with a username and password (users-service {@code /auth/login}), and logout, which revokes the refresh token
 * in users-service before the cookie is dropped. The Discord button is shown only when an OAuth application is
 * configured ({@code questmaster.discord.client-id}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuthPage {

    private final UsersApi users;
    private final SignIn signIn;
    private final Pages pages;
    private final WebSession session;
    private final WebConfig config;
    private final Template login;

    public AuthPage(@RestClient UsersApi users, SignIn signIn, Pages pages, WebSession session, WebConfig config,
            @Location("login.html") Template login) {
        this.users = users;
        this.signIn = signIn;
        this.pages = pages;
        this.session = session;
        this.config = config;
        this.login = login;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next) {
        return render(200, "", safeNext(next), null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        pages.checkCsrf(form);
        String username = trimmed(form.getFirst("username"));
        String password = form.getFirst("password") == null ? "" : form.getFirst("password");
        String next = safeNext(form.getFirst("next"));
        if (username.isEmpty() || password.isEmpty()) {
            return Uni.createFrom().item(render(400, username, next, "Saisissez votre identifiant et votre mot de passe."));
        }
        String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return users.login(client, new UsersApi.Login(username, password))
                .flatMap(signIn::start)
                .map(data -> pages.redirect(next == null ? "/" : next, "Bienvenue, " + data.displayName() + " !"))
                .onFailure(ApiProblem.class).recoverWithItem(p -> {
                    ApiProblem problem = (ApiProblem) p;
                    if (problem.status() >= 500) {
                        throw problem;
                    }
                    String message = problem.status() == 401 ? "Identifiant ou mot de passe incorrect." : Messages.of(problem);
                    return render(problem.status(), username, next, message);
                });
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(MultivaluedMap<String, String> form) {
        pages.checkCsrf(form);
        String refresh = session.user().map(SessionData::refreshToken).orElse(null);
        session.signOut();
        if (refresh == null) {
            return Uni.createFrom().item(pages.redirect("/", null));
        }
        // Revoked in users-service; if it does not answer, the cookie is gone all the same.
        return users.logout(new UsersApi.Refresh(refresh))
                .onFailure().recoverWithNull()
                .map(nothing -> pages.redirect("/", "Vous êtes déconnecté·e."));
    }

    private Response render(int status, String username, String next, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(login, "Connexion")
                        .data("username", username)
                        .data("next", next)
                        .data("error", error)
                        .data("discord", config.discord().clientId().isPresent()))
                .build();
    }

    /** Only a path of this site: never an open redirect to another host. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/login")) {
            return null;
        }
        return next;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
