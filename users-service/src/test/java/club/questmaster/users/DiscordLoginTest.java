package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** api.md §2 POST /api/v1/auth/discord, against a fake Discord API on a local port. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeDiscord.class, scope = TestResourceScope.GLOBAL)
class DiscordLoginTest {

    @Inject
    ObjectMapper json;

    private static Response discordLogin(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("discord_access_token", token))
                .post("/api/v1/auth/discord");
    }

    @Test
    void aMemberWithThePlayerRoleGetsAnAccountAndTokens() throws Exception {
        String discordId = Tokens.newUserId();
        String token = UUID.randomUUID().toString();
        FakeDiscord.user(token, new FakeDiscord.DiscordUser(discordId, "ada.lovelace", "Ada", "a1b2c3"));
        FakeDiscord.member(discordId, "Ada (MJ)", List.of(FakeDiscord.PLAYER_ROLE, FakeDiscord.GM_ROLE, "999"));

        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            Response login = discordLogin(token);
            login.then().statusCode(200).body("token_type", equalTo("Bearer")).body("refresh_token", notNullValue());
            given().header("Authorization", Api.bearer(login.path("access_token"))).get("/api/v1/users/me").then()
                    .statusCode(200).body("id", equalTo(discordId)).body("username", equalTo("ada.lovelace"))
                    .body("name", equalTo("Ada (MJ)")).body("roles", contains("player", "gm"))
                    .body("avatar", equalTo("https://cdn.discordapp.com/avatars/" + discordId + "/a1b2c3.png"));
            UserEventData created = json.readValue(probe.await(KafkaProbe.type(UserEventData.Types.CREATED)
                    .and(KafkaProbe.subject(discordId)), 1, Duration.ofSeconds(15)).get(0).value(), UserEventData.class);
            assertEquals(List.of("player", "gm"), created.roles());

            // Next login refreshes the profile and the roles (gm lost, renamed): one update event.
            FakeDiscord.member(discordId, null, List.of(FakeDiscord.PLAYER_ROLE));
            FakeDiscord.user(token, new FakeDiscord.DiscordUser(discordId, "ada.lovelace", "Countess", null));
            Response again = discordLogin(token);
            again.then().statusCode(200);
            given().header("Authorization", Api.bearer(again.path("access_token"))).get("/api/v1/users/me").then()
                    .statusCode(200).body("name", equalTo("Countess")).body("roles", contains("player"))
                    .body("avatar", nullValue());
            UserEventData updated = json.readValue(probe.await(KafkaProbe.type(UserEventData.Types.UPDATED)
                    .and(KafkaProbe.subject(discordId)), 1, Duration.ofSeconds(15)).get(0).value(), UserEventData.class);
            assertEquals("Countess", updated.name());
            assertEquals(List.of("player"), updated.roles());

            // Losing the player role: refused, and the account records when.
            FakeDiscord.member(discordId, null, List.of(FakeDiscord.GM_ROLE));
            discordLogin(token).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            given().header("Authorization", Api.bearer(Api.superuserToken())).get("/api/v1/users/" + discordId).then()
                    .statusCode(200).body("is_player", equalTo(false)).body("not_player_as_of", notNullValue());
        }
    }

    @Test
    void aMemberWithoutThePlayerRoleIsRefusedAndNoAccountIsCreated() {
        String discordId = Tokens.newUserId();
        String token = UUID.randomUUID().toString();
        FakeDiscord.user(token, new FakeDiscord.DiscordUser(discordId, "lurker", null, null));
        FakeDiscord.member(discordId, null, List.of(FakeDiscord.GM_ROLE));
        discordLogin(token).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));

        String outsider = Tokens.newUserId();
        String outsiderToken = UUID.randomUUID().toString();
        FakeDiscord.user(outsiderToken, new FakeDiscord.DiscordUser(outsider, "outsider", null, null));
        discordLogin(outsiderToken).then().statusCode(403);

        given().header("Authorization", Api.bearer(Api.superuserToken())).get("/api/v1/users/" + discordId).then()
                .statusCode(404);
    }

    @Test
    void aTokenDiscordRefusesIs401() {
        discordLogin("revoked-" + UUID.randomUUID()).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/discord").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"discord_access_token\":[1]}").post("/api/v1/auth/discord")
                .then().statusCode(400);
    }

    @Test
    void aDiscordUsernameThatClashesWithALocalAccountGetsAFreeOne() {
        String local = Api.uniqueName("clash");
        Api.createUser(local, "player");
        String discordId = Tokens.newUserId();
        String token = UUID.randomUUID().toString();
        FakeDiscord.user(token, new FakeDiscord.DiscordUser(discordId, local.toLowerCase(), null, null));
        FakeDiscord.member(discordId, null, List.of(FakeDiscord.PLAYER_ROLE));
        String access = discordLogin(token).then().statusCode(200).extract().path("access_token");
        String username = given().header("Authorization", Api.bearer(access)).get("/api/v1/users/me").then()
                .statusCode(200).extract().path("username");
        org.junit.jupiter.api.Assertions.assertNotEquals(local.toLowerCase(), username.toLowerCase());
        org.junit.jupiter.api.Assertions.assertTrue(username.matches("^[A-Za-z0-9_.-]{2,20}$"), username);
    }
}
