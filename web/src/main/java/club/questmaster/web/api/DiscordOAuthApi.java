package club.questmaster.web.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Discord's OAuth2 token endpoint (base URL {@code questmaster.discord.base-url}): the code of the browser's redirect
 * becomes a Discord access token, which users-service's {@code /auth/discord} turns into our tokens.
 */
@RegisterRestClient(configKey = "discord")
@RegisterProvider(DiscordOAuthApi.Problems.class)
public interface DiscordOAuthApi {

    record Token(String accessToken, String tokenType) {
    }

    @POST
    @Path("/api/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Token> token(MultivaluedMap<String, String> form);

    final class Problems extends ProblemMapper {
        public Problems() {
            super("Discord");
        }
    }
}
