package club.questmaster.games;

import static io.restassured.RestAssured.given;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test helpers: callers with tokens, a valid game body, reference data, and reading game events. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Api() {
    }

    /** A caller: id, username and token. {@link #known()} also feeds the users projection. */
    public record User(String id, String username, String token, String[] roles) {
        public RequestSpecification as() {
            return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
        }

        public User known() {
            UserEvents.created(id, username, roles);
            return this;
        }
    }

    public static User user(String username, String... roles) {
        String id = Tokens.newUserId();
        return new User(id, username, Tokens.of(id, username, roles), roles);
    }

    public static User gm(String username) {
        return user(username, Role.PLAYER_NAME, Role.GM_NAME);
    }

    public static User player(String username) {
        return user(username, Role.PLAYER_NAME);
    }

    public static User admin(String username) {
        return user(username, Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
    }

    public static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    /** A system created by an admin (reference data needed by every game). */
    public static long system() {
        return admin("sysadmin").as().body(Map.of("name", unique("Système"))).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    public static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(PARIS).plusDays(days).withHour(20).withMinute(30).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A complete, valid game body. */
    public static Map<String, Object> gameBody(String name, long systemId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "oneshot");
        body.put("length", "1 session");
        body.put("system_id", systemId);
        body.put("description", "Une enquête dans les brumes d'Arkham.");
        body.put("restriction", "16+");
        body.put("restriction_tags", "gore, phobies");
        body.put("party_size", 4);
        body.put("party_selection", false);
        body.put("xp", "all");
        body.put("date", inDays(7).toString());
        body.put("session_length", 3.5);
        body.put("frequency", "weekly");
        body.put("characters", "pregen");
        body.put("classification", Map.of("action", 1, "investigation", 2, "interaction", 1, "horror", 2));
        body.put("ambience", List.of("serious", "epic"));
        body.put("complement", "Discord vocal.");
        body.put("img", "https://i.imgur.com/abc.webp");
        return body;
    }

    /** Creates a draft; returns the answer as JSON. */
    public static JsonNode createGame(User gm, Map<String, Object> body) {
        return json(gm.as().body(body).post("/api/v1/games").then().statusCode(201).extract().asString());
    }

    public static JsonNode publishedGame(User gm, Map<String, Object> body) {
        JsonNode game = createGame(gm, body);
        return json(gm.as().body(Map.of()).post("/api/v1/games/" + game.get("slug").asText() + "/publish").then()
                .statusCode(200).extract().asString());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A game event as read from Kafka: ce_type plus its data. */
    public record Event(String type, String action, String description, String userId, JsonNode data,
            ConsumerRecord<String, String> record) {
    }

    public static Event event(ConsumerRecord<String, String> r) {
        JsonNode data = json(r.value());
        return new Event(KafkaProbe.header(r, CloudEvents.TYPE), data.path("action").asText(),
                data.path("description").asText(), data.path("user_id").isNull() ? null : data.path("user_id").asText(),
                data, r);
    }

    /** Waits for {@code count} events of this game and returns them in order. */
    public static List<Event> events(KafkaProbe probe, long gameId, int count) {
        return probe.await(KafkaProbe.subject(Long.toString(gameId)), count, java.time.Duration.ofSeconds(20))
                .stream().map(Api::event).toList();
    }
}
