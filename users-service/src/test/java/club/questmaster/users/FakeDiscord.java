package club.questmaster.users;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A local stand-in for the Discord API (GET /users/@me with a user token, GET /guilds/{guild}/members/{id} with the
 * bot token), started for the test run on a free port; tests register the users and members it knows.
 */
public class FakeDiscord implements QuarkusTestResourceLifecycleManager {

    static final String GUILD = "424242424242424242";
    static final String BOT = "fake-bot-token";
    static final String PLAYER_ROLE = "111111111111111111";
    static final String GM_ROLE = "222222222222222222";
    static final String ADMIN_ROLE = "333333333333333333";

    record DiscordUser(String id, String username, String globalName, String avatar) {
    }

    private static final Map<String, DiscordUser> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> MEMBER_ROLES = new ConcurrentHashMap<>();
    private static final Map<String, String> NICKS = new ConcurrentHashMap<>();
    private HttpServer server;

    static void user(String token, DiscordUser user) {
        TOKENS.put(token, user);
    }

    static void member(String userId, String nick, List<String> roleIds) {
        MEMBER_ROLES.put(userId, roleIds);
        if (nick != null) {
            NICKS.put(userId, nick);
        } else {
            NICKS.remove(userId);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v10/", this::handle);
        server.start();
        return Map.of("questmaster.users.discord.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/v10".length());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.equals("/users/@me")) {
            DiscordUser user = auth != null && auth.startsWith("Bearer ") ? TOKENS.get(auth.substring(7)) : null;
            if (user == null) {
                send(exchange, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
                return;
            }
            send(exchange, 200, "{\"id\":\"" + user.id() + "\",\"username\":\"" + user.username() + "\",\"global_name\":"
                    + quote(user.globalName()) + ",\"avatar\":" + quote(user.avatar()) + ",\"discriminator\":\"0\"}");
            return;
        }
        String prefix = "/guilds/" + GUILD + "/members/";
        if (path.startsWith(prefix)) {
            if (!("Bot " + BOT).equals(auth)) {
                send(exchange, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
                return;
            }
            String id = path.substring(prefix.length());
            List<String> roles = MEMBER_ROLES.get(id);
            if (roles == null) {
                send(exchange, 404, "{\"message\":\"Unknown Member\",\"code\":10007}");
                return;
            }
            send(exchange, 200, "{\"nick\":" + quote(NICKS.get(id)) + ",\"roles\":["
                    + roles.stream().map(FakeDiscord::quote).collect(Collectors.joining(",")) + "],\"user\":{\"id\":\""
                    + id + "\"}}");
            return;
        }
        send(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
