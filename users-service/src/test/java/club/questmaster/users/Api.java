package club.questmaster.users;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** HTTP helpers for the tests: real logins and real admin calls, no shortcut into the database. */
final class Api {

    static final String SUPERUSER = "admin";
    static final String SUPERUSER_PASSWORD = "test-superuser-password";
    static final String PASSWORD = "Correct-Horse-42";

    private Api() {
    }

    /** A fresh username (the database lives for the whole test run). */
    static String uniqueName(String prefix) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        String name = prefix + "_" + suffix;
        return name.length() > 20 ? name.substring(0, 20) : name;
    }

    static Response login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/api/v1/auth/login");
    }

    static String accessToken(String username, String password) {
        return login(username, password).then().statusCode(200).extract().path("access_token");
    }

    static String superuserToken() {
        return accessToken(SUPERUSER, SUPERUSER_PASSWORD);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Creates an account through the admin API as the superuser; returns its id. */
    static String createUser(String username, String... roles) {
        return given().header("Authorization", bearer(superuserToken())).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .when().post("/api/v1/admin/users")
                .then().statusCode(201).extract().path("id");
    }

    /** A user with these roles, logged in: its id, username and access token. */
    record Account(String id, String username, String token) {
        String auth() {
            return bearer(token);
        }
    }

    static Account account(String prefix, String... roles) {
        String username = uniqueName(prefix);
        String id = createUser(username, roles);
        return new Account(id, username, accessToken(username, PASSWORD));
    }

    static String jwtPart(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
