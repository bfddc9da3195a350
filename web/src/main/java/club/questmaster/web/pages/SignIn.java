package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.TokenPair;
import club.questmaster.web.api.UsersApi;
import club.questmaster.web.session.SessionData;
import club.questmaster.web.session.WebSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Opens a session from users-service's tokens (password or Discord login): who they belong to, then the cookie. */
@ApplicationScoped
public class SignIn {

    private final UsersApi users;
    private final WebSession session;

    public SignIn(@RestClient UsersApi users, WebSession session) {
        this.users = users;
        this.session = session;
    }

    public Uni<SessionData> start(TokenPair tokens) {
        return users.me("Bearer " + tokens.accessToken()).map(me -> {
            SessionData data = new SessionData(me.id(), me.username(), me.name(), me.roles(), tokens.accessToken(),
                    tokens.refreshToken(), Instant.now().getEpochSecond() + tokens.expiresIn());
            session.signIn(data);
            return data;
        });
    }

    /** users-service's Discord login: its tokens for a Discord access token. */
    public Uni<SessionData> discord(String discordAccessToken) {
        return users.discord(new UsersApi.DiscordLogin(discordAccessToken)).flatMap(this::start);
    }
}
