package club.questmaster.users.discord;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.users.config.UsersConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The two Discord API calls of a Discord login (docs/original-rules.md#discord-login): who the user token belongs to
 * ({@code GET /users/@me}), then their member record in the guild with the bot token
 * ({@code GET /guilds/{guild}/members/{id}}), at the configured base URL.
 */
@ApplicationScoped
public class DiscordClient {

    private static final Logger LOG = Logger.getLogger(DiscordClient.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final UsersConfig.Discord config;
    private final String baseUrl;

    public DiscordClient(Vertx vertx, ObjectMapper json, UsersConfig config) {
        this.http = vertx.createHttpClient();
        this.json = json;
        this.config = config.discord();
        String base = this.config.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The Discord account behind a user access token. */
    public record DiscordUser(String id, String username, String globalName, String avatar) {
    }

    /** A guild member: their nickname and role ids. */
    public record Member(String nick, List<String> roleIds) {
    }

    /** 401 when Discord refuses the token; 502 when Discord cannot be read. */
    public Uni<DiscordUser> me(String userAccessToken) {
        return get("/users/@me", "Bearer " + userAccessToken).map(response -> {
            if (response.status() == 401 || response.status() == 403) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "Discord refused this access token.");
            }
            JsonNode body = expectOk(response);
            String id = text(body, "id");
            String username = text(body, "username");
            if (id == null || !id.matches("^[0-9]{17,21}$") || username == null) {
                throw upstream("Discord sent an unexpected user record.");
            }
            return new DiscordUser(id, username, text(body, "global_name"), text(body, "avatar"));
        });
    }

    /** The member record, or null when the user is not in the guild. */
    public Uni<Member> member(String userId) {
        String guild = config.guildId().orElseThrow(() -> upstream("Discord login is not configured (guild id)."));
        String bot = config.botToken().orElseThrow(() -> upstream("Discord login is not configured (bot token)."));
        return get("/guilds/" + guild + "/members/" + userId, "Bot " + bot).map(response -> {
            if (response.status() == 404) {
                return null;
            }
            JsonNode body = expectOk(response);
            List<String> roles = new ArrayList<>();
            JsonNode list = body.path("roles");
            if (list.isArray()) {
                list.forEach(r -> roles.add(r.asText()));
            }
            return new Member(text(body, "nick"), roles);
        });
    }

    private record Answer(int status, String body) {
    }

    private Uni<Answer> get(String path, String authorization) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl + path)
                .putHeader("Authorization", authorization)
                .putHeader("Accept", "application/json")
                .putHeader("User-Agent", "QuestMaster users-service")
                .setIdleTimeout(config.timeout().toMillis());
        return http.request(options)
                .chain(request -> request.send())
                .chain(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Discord API unreachable: %s", e.toString());
                    return upstream("Discord could not be reached.");
                });
    }

    private JsonNode expectOk(Answer response) {
        if (response.status() / 100 != 2) {
            LOG.warnf("Discord API answered %d", response.status());
            throw upstream("Discord answered " + response.status() + ".");
        }
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw upstream("Discord sent unreadable JSON.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ApiException upstream(String detail) {
        return new ApiException(ErrorCode.BAD_GATEWAY, detail);
    }

    void close(@Observes ShutdownEvent event) {
        http.closeAndForget();
    }
}
