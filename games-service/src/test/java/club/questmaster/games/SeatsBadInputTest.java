package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every endpoint and field contract §7 adds (waitlist, cancel, the new game fields): the contract's 4xx
 * as problem+json, and nothing changed: the game, its queue and its events are what they were.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class SeatsBadInputTest {

    private static ValidatableResponse refused(ValidatableResponse answer, int status, String code) {
        return answer.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    private static RequestSpecification bot(User owner, String scope) {
        String token = Tokens.claims(owner.id(), owner.username(), owner.roles()).claim("scope", scope)
                .claim("sid", "api-token-" + owner.id()).sign();
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }

    @Test
    void everyNewEndpointAndFieldRefusesBadInputWithTheContractCodeAndChangesNothing() {
        User gm = gm("mj");
        User alice = player("alice");
        User bob = player("bob");
        User carol = player("carol");
        long systemId = Api.system();
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            Map<String, Object> body = gameBody(unique("Refus"), systemId);
            body.put("party_size", 1);
            JsonNode game = Api.publishedGame(gm, body);
            String base = "/api/v1/games/" + game.get("slug").asText();
            alice.as().post(base + "/registrations").then().statusCode(201);
            bob.as().post(base + "/waitlist").then().statusCode(201);
            // created, published, registered, auto-closed, joined
            int before = events(probe, game.get("id").asLong(), 5).size();
            JsonNode gameBefore = Api.json(given().get(base).then().statusCode(200).extract().asString());
            JsonNode queueBefore = Api.json(gm.as().get(base + "/waitlist").then().statusCode(200).extract().asString());

            // POST …/waitlist
            refused(given().contentType("application/json").post(base + "/waitlist").then(), 401, "UNAUTHENTICATED");
            refused(carol.as().post("/api/v1/games/nulle-part-" + System.nanoTime() + "/waitlist").then(), 404,
                    "NOT_FOUND");
            refused(gm.as().post(base + "/waitlist").then(), 403, "FORBIDDEN");
            refused(alice.as().post(base + "/waitlist").then(), 409, "DUPLICATE_REGISTRATION");
            refused(bob.as().post(base + "/waitlist").then(), 409, "DUPLICATE_REGISTRATION");
            refused(bot(carol, "games:read").post(base + "/waitlist").then(), 403, "INSUFFICIENT_SCOPE");
            // GET …/waitlist
            refused(given().get(base + "/waitlist").then(), 401, "UNAUTHENTICATED");
            refused(carol.as().get(base + "/waitlist").then(), 404, "NOT_FOUND");
            // DELETE …/waitlist/me, accept, decline
            refused(given().contentType("application/json").delete(base + "/waitlist/me").then(), 401,
                    "UNAUTHENTICATED");
            refused(carol.as().delete(base + "/waitlist/me").then(), 404, "NOT_FOUND");
            refused(carol.as().post(base + "/waitlist/me/accept").then(), 404, "NOT_FOUND");
            refused(bob.as().post(base + "/waitlist/me/accept").then(), 409, "CONFLICT"); // waiting, no offer
            refused(bob.as().post(base + "/waitlist/me/decline").then(), 409, "CONFLICT");
            refused(bot(bob, "games:read").delete(base + "/waitlist/me").then(), 403, "INSUFFICIENT_SCOPE");
            // POST …/cancel
            refused(alice.as().body(Map.of()).post(base + "/cancel").then(), 403, "FORBIDDEN");
            refused(gm.as().body(Map.of("reason", "x".repeat(501))).post(base + "/cancel").then(), 400,
                    "VALIDATION_ERROR").body("errors[0].field", equalTo("reason"));
            gm.as().body("{\"reason\": 12,").post(base + "/cancel").then().statusCode(400)
                    .contentType("application/problem+json");
            // The new game fields
            for (Map<String, ?> patch : List.<Map<String, ?>>of(Map.of("waitlist_offer_hours", -1),
                    Map.of("waitlist_offer_hours", 169), Map.of("min_players", 0), Map.of("min_players", 2),
                    Map.of("go_no_go_at", Api.inDays(2).toString()),
                    Map.of("min_players", 1, "go_no_go_at", Api.inDays(8).toString()),
                    Map.of("registration_opens_at", "demain"), Map.of("waitlist_enabled", "oui"))) {
                String field = patch.containsKey("go_no_go_at") ? "go_no_go_at"
                        : patch.keySet().iterator().next();
                refused(gm.as().body(patch).patch(base).then(), 400, "VALIDATION_ERROR")
                        .body("errors[0].field", equalTo(field));
            }

            assertThat(Api.json(given().get(base).then().statusCode(200).extract().asString())).isEqualTo(gameBefore);
            assertThat(Api.json(gm.as().get(base + "/waitlist").then().statusCode(200).extract().asString()))
                    .isEqualTo(queueBefore);
            assertThat(probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(KafkaProbe.subject(game.get("id").asText())).count()).as("no new event").isEqualTo(before);
        }
    }
}
