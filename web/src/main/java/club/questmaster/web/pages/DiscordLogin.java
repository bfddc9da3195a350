package club.questmaster.web.pages;

import club.questmaster.web.WebConfig;
import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.DiscordOAuthApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Messages;
import club.questmaster.web.view.Pages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Login with Discord (OAuth2 authorization code, scope {@code identify}), when {@code questmaster.discord.client-id}
 * is set: Discord sends the browser back with a code, exchanged here for a Discord access token that users-service
 * checks against the guild (player role required) before it issues our tokens. The {@code state} is the visitor's
 * CSRF token, so a callback started by someone else is refused.
 */
@Path("/login/discord")
public class DiscordLogin {

    private final DiscordOAuthApi discord;
    private final SignIn signIn;
    private final Pages pages;
    private final WebSession session;
    private final WebConfig config;

    public DiscordLogin(@RestClient DiscordOAuthApi discord, SignIn signIn, Pages pages, WebSession session,
            WebConfig config) {
        this.discord = discord;
        this.signIn = signIn;
        this.pages = pages;
        this.session = session;
        this.config = config;
    }

    @GET
    public Response start() {
        WebConfig.Discord d = config.discord();
        if (d.clientId().isEmpty() || d.redirectUri().isEmpty()) {
            return pages.redirect("/login/", "La connexion avec Discord n'est pas configurée.");
        }
        return Response.seeOther(UriBuilder.fromUri(d.baseUrl()).path("/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", d.clientId().get())
                .queryParam("scope", "identify").queryParam("redirect_uri", d.redirectUri().get())
                .queryParam("state", session.csrfToken()).queryParam("prompt", "none").build()).build();
    }

    @GET
    @Path("callback")
    public Uni<Response> callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        WebConfig.Discord d = config.discord();
        if (error != null || code == null || d.clientId().isEmpty() || d.redirectUri().isEmpty()
                || !club.questmaster.web.session.SessionFilters.csrfMatches(session.csrfToken(), state)) {
            return Uni.createFrom().item(pages.redirect("/login/", "La connexion avec Discord a été annulée ou a expiré."));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", "authorization_code");
        form.putSingle("code", code);
        form.putSingle("redirect_uri", d.redirectUri().get());
        form.putSingle("client_id", d.clientId().get());
        form.putSingle("client_secret", d.clientSecret().orElse(""));
        return discord.token(form)
                .flatMap(token -> signIn.discord(token.accessToken()))
                .map(data -> pages.redirect("/", "Bienvenue, " + data.displayName() + " !"))
                .onFailure(ApiProblem.class).recoverWithItem(p -> {
                    ApiProblem problem = (ApiProblem) p;
                    String message = problem.status() == 403 && !problem.is("ACCOUNT_BANNED")
                            ? "Votre compte Discord n'a pas le rôle joueur·euse du serveur." : Messages.of(problem);
                    return pages.redirect("/login/", message);
                });
    }
}
