package club.questmaster.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Direct API calls for what a test sets up rather than proves (accounts, a game system, a game to queue for). */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Suite suite;
    private final String adminToken;

    Api(Suite suite) throws IOException {
        this.suite = suite;
        this.adminToken = login("admin", Suite.ADMIN_PASSWORD);
    }

    String login(String username, String password) throws IOException {
        return call("users-service", "POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password))
                .get("access_token").asText();
    }

    /** A new account with those roles; returns its id. */
    String user(String username, String password, String name, String... roles) throws IOException {
        return call("users-service", "POST", "/api/v1/admin/users", adminToken,
                Map.of("username", username, "password", password, "name", name, "roles", List.of(roles)))
                .get("id").asText();
    }

    long system(String name) throws IOException {
        return call("games-service", "POST", "/api/v1/systems", adminToken, Map.of("name", name)).get("id").asLong();
    }

    /** A published one-shot of {@code seats} seats in ten days, run by the owner of {@code gmToken}; its slug. */
    String openOneShot(String gmToken, String name, long systemId, int seats) throws IOException {
        String date = OffsetDateTime.now(ZoneId.of("Europe/Paris")).plusDays(10).withHour(20).truncatedTo(ChronoUnit.HOURS)
                .toString();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", "oneshot", "length", "1 session",
                "system_id", systemId, "description", "Une soirée d'enquête.", "restriction", "all",
                "party_size", seats, "date", date, "session_length", 3));
        String slug = call("games-service", "POST", "/api/v1/games", gmToken, body).get("slug").asText();
        call("games-service", "POST", "/api/v1/games/" + slug + "/publish", gmToken, Map.of());
        return slug;
    }

    /** users-service's answer to a refresh with that token (200, or 401 once it is spent or revoked). */
    int refreshStatus(String refreshToken) throws IOException {
        return send("users-service", "POST", "/api/v1/auth/refresh", null, Map.of("refresh_token", refreshToken))
                .statusCode();
    }

    void register(String token, String slug) throws IOException {
        call("games-service", "POST", "/api/v1/games/" + slug + "/registrations", token, Map.of());
    }

    /**
     * Waits until games-service's users projection knows {@code username} (user events travel through Kafka): its
     * token is then honoured there.
     */
    void awaitKnownToGames(String username, String password) throws IOException {
        String token = login(username, password);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> answer = send("games-service", "GET", "/api/v1/games?player_id=me", token, null);
            if (answer.statusCode() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("games-service does not accept " + username + "'s token: " + answer.statusCode()
                        + " " + answer.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private JsonNode call(String service, String method, String path, String token, Object body) throws IOException {
        HttpResponse<String> answer = send(service, method, path, token, body);
        if (answer.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String service, String method, String path, String token, Object body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
