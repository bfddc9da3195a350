package club.questmaster.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.e2e.Accounts.Account;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract §8 tokens across the four packaged services: a bot's scoped token does what its scopes allow (list open
 * games, register its owner, read the owner's calendar) and every service refuses anything else with 403
 * INSUFFICIENT_SCOPE; a revoked bot token's JWTs and a kicked session's access token are refused by every service
 * within 5 s (questmaster.user.session.revoked through each users projection). Prints the figures it measured
 * ("[tokens] ...").
 */
class BotTokenIT {

    /** Contract §8: refused by every service within 5 s. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

    private static Accounts accounts;

    @BeforeAll
    static void start() throws Exception {
        accounts = Accounts.start();
    }

    @Test
    void aBotDoesWhatItsScopesAllowAndEveryServiceRefusesTheRest() {
        // An admin owner: whatever the bot is refused is refused for its scopes, not for its owner's roles.
        Account owner = accounts.create("botowner", "player", "gm", "admin");
        Account gm = accounts.create("botgm", "player", "gm");
        String slug = accounts.openGame(gm, accounts.system(owner), 4);
        String bot = bearer(exchange(createToken(owner, List.of("games:read", "registrations:write",
                "calendar:read"))));

        // What its scopes cover.
        given().baseUri(accounts.games()).header("Authorization", bot).get("/api/v1/games").then().statusCode(200)
                .body("items.slug", hasItem(slug));
        given().baseUri(accounts.games()).header("Authorization", bot).post("/api/v1/games/" + slug + "/registrations")
                .then().statusCode(201);
        given().baseUri(accounts.games()).get("/api/v1/games/" + slug).then().body("player_ids", hasItem(owner.id()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        given().baseUri(accounts.games()).header("Authorization", bot).queryParam("start", now.toString())
                .queryParam("end", now.plusDays(30).toString()).get("/api/v1/calendar/events").then().statusCode(200);
        given().baseUri(accounts.games()).header("Authorization", bot).queryParam("player_id", owner.id())
                .get("/api/v1/calendar.ics").then().statusCode(200);

        // Everything else, in every service.
        Map<String, Response> outside = new LinkedHashMap<>();
        outside.put("games-service: create a game (games:write)", given().baseUri(accounts.games())
                .header("Authorization", bot).contentType("application/json").body(Map.of("name", "Bot"))
                .post("/api/v1/games"));
        outside.put("games-service: reference data", given().baseUri(accounts.games()).header("Authorization", bot)
                .contentType("application/json").body(Map.of("name", "Système du bot")).post("/api/v1/systems"));
        outside.put("games-service: alert", given().baseUri(accounts.games()).header("Authorization", bot)
                .contentType("application/json").body(Map.of("message", "bot")).post("/api/v1/games/" + slug
                        + "/alert"));
        outside.put("trophies-service: create a trophy", given().baseUri(accounts.trophies())
                .header("Authorization", bot).contentType("application/json")
                .body(Map.of("name", "Badge du bot", "unique", false)).post("/api/v1/trophies"));
        outside.put("audit-service: search", given().baseUri(accounts.audit()).header("Authorization", bot)
                .get("/api/v1/game-events"));
        outside.put("users-service: the account", given().baseUri(accounts.users).header("Authorization", bot)
                .get("/api/v1/users/me"));
        outside.put("users-service: a new token", given().baseUri(accounts.users).header("Authorization", bot)
                .contentType("application/json").body(Map.of("name", "bot2", "scopes", List.of("games:read"),
                        "expires_in_days", 1)).post("/api/v1/users/me/tokens"));
        outside.put("users-service: admin", given().baseUri(accounts.users).header("Authorization", bot)
                .get("/api/v1/admin/users"));
        outside.forEach((what, answer) -> {
            assertEquals(403, answer.statusCode(), what + ": " + answer.asString());
            assertEquals("INSUFFICIENT_SCOPE", answer.jsonPath().getString("code"), what);
        });
        // Nothing was created.
        owner.on(accounts.users).get("/api/v1/users/me/tokens").then().statusCode(200).body("size()", equalTo(1));
        given().baseUri(accounts.trophies()).get("/api/v1/trophies").then()
                .body("name", org.hamcrest.Matchers.not(hasItem("Badge du bot")));
    }

    @Test
    void aRevokedBotTokensJwtIsRefusedByEveryServiceWithinFiveSeconds() {
        Account owner = accounts.create("botrev", "player", "gm", "admin");
        Map<String, Object> created = owner.on(accounts.users).body(Map.of("name", "révoqué", "scopes",
                List.of("games:read"), "expires_in_days", 7)).post("/api/v1/users/me/tokens").then().statusCode(201)
                .extract().as(Map.class);
        String bot = bearer(exchange((String) created.get("token")));
        given().baseUri(accounts.games()).header("Authorization", bot).get("/api/v1/games").then().statusCode(200);

        owner.on(accounts.users).delete("/api/v1/users/me/tokens/" + created.get("id")).then().statusCode(204);
        Map<String, Duration> refused = refusedEverywhere(bot);
        System.out.printf("[tokens] revoked API token's JWT refused by %s (ms after the revocation)%n",
                millis(refused));
        exchange((String) created.get("token"), 401);
    }

    @Test
    void aKickedSessionsTokenIsRefusedByEveryServiceWithinFiveSeconds() {
        Account victim = accounts.create("kicked", "player", "gm", "admin");
        Account otherDevice = accounts.session(victim.id(), victim.username(), victim.name(), "e2e-other-device");
        for (Map.Entry<String, String> service : accounts.services().entrySet()) {
            assertEquals(200, probe(service.getKey(), service.getValue(), "Bearer " + victim.token()), service.getKey());
        }
        List<Map<String, Object>> sessions = victim.on(accounts.users).get("/api/v1/users/me/sessions").then()
                .statusCode(200).extract().jsonPath().getList("$");
        String kicked = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst()
                .map(s -> (String) s.get("id")).orElseThrow();

        otherDevice.on(accounts.users).delete("/api/v1/users/me/sessions/" + kicked).then().statusCode(204);
        Map<String, Duration> refused = refusedEverywhere("Bearer " + victim.token());
        System.out.printf("[tokens] kicked session's access token refused by %s (ms after the kick)%n",
                millis(refused));
        given().baseUri(accounts.users).contentType("application/json")
                .body(Map.of("refresh_token", victim.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(401);
        // The other session is untouched, in every service.
        for (Map.Entry<String, String> service : accounts.services().entrySet()) {
            assertEquals(200, probe(service.getKey(), service.getValue(), "Bearer " + otherDevice.token()),
                    service.getKey());
        }
    }

    /**
     * Polls every service every 50 ms with the token until each answers 401; returns, per service, how long after the
     * call that was, and fails beyond the contract's 5 s.
     */
    private static Map<String, Duration> refusedEverywhere(String authorization) {
        long since = System.nanoTime();
        Map<String, Duration> refused = new ConcurrentHashMap<>();
        Accounts.timeUntil("refused by every service", Duration.ofSeconds(30), () -> {
            for (Map.Entry<String, String> service : accounts.services().entrySet()) {
                if (!refused.containsKey(service.getKey())
                        && probe(service.getKey(), service.getValue(), authorization) == 401) {
                    refused.put(service.getKey(), Duration.ofNanos(System.nanoTime() - since));
                }
            }
            return refused.size() == accounts.services().size();
        });
        refused.forEach((service, after) -> assertTrue(after.compareTo(REVOCATION_BOUND) <= 0,
                service + " refused the token only after " + after.toMillis() + " ms"));
        return refused;
    }

    /** One authenticated read in each service (the caller is an admin, or a bot with games:read). */
    private static int probe(String service, String baseUrl, String authorization) {
        Function<String, Integer> get = path -> given().baseUri(baseUrl).header("Authorization", authorization)
                .get(path).statusCode();
        return switch (service) {
            case "users-service" -> get.apply("/api/v1/users/me");
            case "games-service" -> get.apply("/api/v1/games");
            case "trophies-service" -> get.apply("/api/v1/trophies");
            case "audit-service" -> get.apply("/api/v1/game-events");
            default -> throw new IllegalArgumentException(service);
        };
    }

    private static String millis(Map<String, Duration> refused) {
        StringBuilder text = new StringBuilder();
        refused.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(text.isEmpty() ? ""
                : ", ").append(e.getKey()).append(' ').append(e.getValue().toMillis()));
        return text.toString();
    }

    private static String createToken(Account owner, List<String> scopes) {
        return owner.on(accounts.users).body(Map.of("name", "bot", "scopes", scopes, "expires_in_days", 7))
                .post("/api/v1/users/me/tokens").then().statusCode(201).extract().path("token");
    }

    private static String exchange(String apiToken) {
        return exchange(apiToken, 200).path("access_token");
    }

    private static Response exchange(String apiToken, int status) {
        Response answer = given().baseUri(accounts.users).contentType("application/json")
                .body(Map.of("api_token", apiToken)).post("/api/v1/auth/token");
        answer.then().statusCode(status);
        return answer;
    }

    private static String bearer(String jwt) {
        return "Bearer " + jwt;
    }
}
