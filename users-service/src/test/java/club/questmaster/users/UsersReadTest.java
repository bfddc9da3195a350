package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** api.md §2: the "any user" reads, with the public shape and never a secret. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UsersReadTest {

    private static final Set<String> PUBLIC_FIELDS = Set.of("id", "name", "username", "avatar", "roles", "is_player",
            "is_gm", "is_admin", "not_player_as_of", "banned", "created_at", "permissions");

    @Test
    void meIsTheCallerWithThePublicShapeOnly() {
        Api.Account me = Api.account("me", "player");
        java.util.Map<String, Object> body = given().header("Authorization", me.auth()).get("/api/v1/users/me")
                .then().statusCode(200)
                .body("id", equalTo(me.id())).body("username", equalTo(me.username()))
                .body("roles", contains("player")).body("is_player", equalTo(true)).body("is_gm", equalTo(false))
                .body("is_admin", equalTo(false)).body("banned", equalTo(false)).body("created_at", notNullValue())
                .extract().jsonPath().getMap("$");
        org.junit.jupiter.api.Assertions.assertEquals(PUBLIC_FIELDS, body.keySet());
    }

    @Test
    void oneUserSeveralUsersAndSearch() {
        Api.Account reader = Api.account("reader", "player");
        String tag = Api.uniqueName("s").substring(2);
        String a = Api.createUser("sa_" + tag, "player");
        String b = Api.createUser("sb_" + tag, "player", "gm");

        given().header("Authorization", reader.auth()).get("/api/v1/users/" + b).then().statusCode(200)
                .body("id", equalTo(b)).body("is_gm", equalTo(true)).body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("ban_reason"))).body("$", not(hasKey("failed_logins")));
        given().header("Authorization", reader.auth()).get("/api/v1/users/99999999999999999999").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", reader.auth()).get("/api/v1/users/1' OR '1'='1").then().statusCode(404);

        given().header("Authorization", reader.auth()).queryParam("ids", b + "," + a + ",12345678901234567890,junk")
                .get("/api/v1/users").then().statusCode(200).body("id", contains(b, a));
        given().header("Authorization", reader.auth()).get("/api/v1/users").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"));

        given().header("Authorization", reader.auth()).queryParam("q", tag).get("/api/v1/users/search").then()
                .statusCode(200).body("size()", equalTo(2));
        given().header("Authorization", reader.auth()).queryParam("q", "_").get("/api/v1/users/search").then()
                .statusCode(200).body("size()", lessThanOrEqualTo(10));
        given().header("Authorization", reader.auth()).queryParam("q", "%").get("/api/v1/users/search").then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", reader.auth()).get("/api/v1/users/search").then().statusCode(400);
    }

    @Test
    void searchAnswersAtMostTen() {
        String tag = Api.uniqueName("t").substring(2);
        for (int i = 0; i < 12; i++) {
            Api.createUser("t" + i + "_" + tag, "player");
        }
        given().header("Authorization", Api.bearer(Api.superuserToken())).queryParam("q", tag)
                .get("/api/v1/users/search").then().statusCode(200).body("size()", equalTo(10));
    }

    @Test
    void readsNeedAValidToken() {
        given().get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/users/me").then().statusCode(401);
        String expired = Tokens.claims(Tokens.newUserId(), "ghost", "player")
                .issuedAt(java.time.Instant.now().minusSeconds(7200))
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();
        given().header("Authorization", Api.bearer(expired)).get("/api/v1/users/search?q=a").then().statusCode(401);
    }
}
