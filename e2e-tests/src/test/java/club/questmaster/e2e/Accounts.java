package club.questmaster.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/**
 * Real accounts of the packaged users-service for PrivacyIT and BotTokenIT: users created by the superuser, logged in
 * with their password (real tokens, with their session's {@code sid}), known to the other services through
 * questmaster.user-events like in production; plus the few database reads the tests make as an operator would.
 */
final class Accounts {

    static final String PASSWORD = "Correct-Horse-e2e-42";
    /** The services whose users projection and privacy consumer the tests wait for. */
    static final List<String> CONSUMING = List.of("games", "trophies", "audit");

    /** A logged-in account: its token is its session's access token. */
    record Account(String id, String username, String name, String token, String refreshToken) {
        RequestSpecification on(String baseUrl) {
            return given().baseUri(baseUrl).header("Authorization", "Bearer " + token).contentType("application/json");
        }
    }

    final Suite suite;
    final String users;
    private final String superuser;

    private Accounts(Suite suite) {
        this.suite = suite;
        this.users = suite.users().baseUrl();
        this.superuser = login("admin", Suite.SUPERUSER_PASSWORD, "e2e").path("access_token");
    }

    static Accounts start() throws Exception {
        return new Accounts(Suite.shared());
    }

    String games() {
        return suite.games.baseUrl();
    }

    String trophies() {
        return suite.trophies().baseUrl();
    }

    String audit() {
        return suite.audit.baseUrl();
    }

    /** Every service's base URL, users-service first. */
    Map<String, String> services() {
        return Map.of("users-service", users, "games-service", games(), "trophies-service", trophies(),
                "audit-service", audit());
    }

    Response login(String username, String password, String userAgent) {
        return given().baseUri(users).contentType("application/json").header("User-Agent", userAgent)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    /** A new local account with these roles, logged in once, and known to every other service. */
    Account create(String prefix, String... roles) {
        String username = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).substring(0, Math.min(20,
                prefix.length() + 9));
        String name = "Nom " + username;
        String id = given().baseUri(users).header("Authorization", "Bearer " + superuser)
                .contentType("application/json")
                .body(Map.of("username", username, "password", PASSWORD, "name", name, "roles", List.of(roles)))
                .post("/api/v1/admin/users").then().statusCode(201).extract().path("id");
        Account account = session(id, username, name, "e2e-" + prefix);
        awaitProjected(id);
        return account;
    }

    /** Another session (login) of an account. */
    Account session(String id, String username, String name, String userAgent) {
        Response login = login(username, PASSWORD, userAgent);
        login.then().statusCode(200);
        return new Account(id, username, name, login.path("access_token"), login.path("refresh_token"));
    }

    void awaitProjected(String userId) {
        Awaitility.await("user " + userId + " projected").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    for (String database : CONSUMING) {
                        if (count(database, "SELECT count(*) FROM known_user WHERE id = ?", userId) == 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** A system for games (reference data), created by an admin. */
    long system(Account admin) {
        return admin.on(games()).body(Map.of("name", "Système " + UUID.randomUUID())).post("/api/v1/systems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A published one-shot run by {@code gm}, in five days. */
    String openGame(Account gm, long systemId, int partySize) {
        Map<String, Object> game = OneShots.body("Partie " + UUID.randomUUID().toString().substring(0, 8),
                "Un one-shot.", systemId, partySize);
        String slug = gm.on(games()).body(game).post("/api/v1/games").then().statusCode(201).extract().path("slug");
        gm.on(games()).body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    /** Polls {@code condition} every 50 ms until it holds; returns how long that took (fails after {@code bound}). */
    static Duration timeUntil(String what, Duration bound, Callable<Boolean> condition) {
        long since = System.nanoTime();
        Awaitility.await(what).atMost(bound).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO)
                .ignoreExceptions().until(condition);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.stack.jdbcUrl(database), "postgres", "postgres");
    }

    long count(String database, String query, Object... parameters) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement statement = prepare(connection, query,
                parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of every row. */
    List<String> column(String database, String query, Object... parameters) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement statement = prepare(connection, query,
                parameters); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static PreparedStatement prepare(Connection connection, String query, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
