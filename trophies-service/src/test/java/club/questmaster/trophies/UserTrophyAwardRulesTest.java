package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original award rules on the admin endpoints (docs/original-rules.md#award-rules, contract §4). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UserTrophyAwardRulesTest {

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", Auth.admin()).contentType(ContentType.JSON);
    }

    private static String trophies(String user) {
        return "/api/v1/users/" + user + "/trophies";
    }

    private static ValidatableResponse badges(String user) {
        return given().when().get("/api/v1/users/" + user + "/badges").then().statusCode(200);
    }

    private static int uniqueTrophy() {
        return TrophyCatalogTest.create(TrophyCatalogTest.uniqueName("Unique"), true, "/unique.png");
    }

    @Test
    void aGrantCreatesTheHoldingAndTheBadgesListShowsIt() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 3, "quantity", 2)).when().post(trophies(user)).then()
                .statusCode(201)
                .body("user_id", equalTo(user)).body("trophy_id", equalTo(3)).body("name", equalTo("Badge Campagne"))
                .body("quantity", equalTo(2));
        asAdmin().body(Map.of("trophy_id", 1)).when().post(trophies(user)).then()
                .statusCode(201).body("quantity", equalTo(1));
        badges(user).body("", hasSize(2))
                .body("[0].trophy_id", equalTo(1)).body("[0].name", equalTo("Badge OS"))
                .body("[0].icon", equalTo("/static/img/os.png")).body("[0].quantity", equalTo(1))
                .body("[1].trophy_id", equalTo(3)).body("[1].quantity", equalTo(2));
    }

    @Test
    void aUserWithoutTrophiesHasAnEmptyBadgeList() {
        badges(Tokens.newUserId()).body("", empty());
    }

    @Test
    void grantingATrophyAlreadyOwnedIsRefused409AndChangesNothing() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 2, "quantity", 3)).when().post(trophies(user)).then().statusCode(201);
        asAdmin().body(Map.of("trophy_id", 2, "quantity", 7)).when().post(trophies(user)).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("User already owns this trophy."));
        badges(user).body("[0].quantity", equalTo(3));
    }

    @Test
    void aUniqueTrophyIsForcedToQuantityOneOnGrantAndPatch() {
        int unique = uniqueTrophy();
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", unique, "quantity", 5)).when().post(trophies(user)).then()
                .statusCode(201).body("quantity", equalTo(1)).body("unique", equalTo(true));
        asAdmin().body(Map.of("quantity", 4)).when().patch(trophies(user) + "/" + unique).then()
                .statusCode(200).body("quantity", equalTo(1));
        badges(user).body("[0].quantity", equalTo(1));
    }

    @Test
    void aUniqueTrophyAwardedTwiceIsHeldOnceWithQuantityOne() {
        int unique = uniqueTrophy();
        String user = Tokens.newUserId();
        asAdmin().when().post(trophies(user) + "/" + unique + "/increment").then()
                .statusCode(200).body("quantity", equalTo(1));
        asAdmin().when().post(trophies(user) + "/" + unique + "/increment").then()
                .statusCode(200).body("quantity", equalTo(1));
        badges(user).body("", hasSize(1)).body("[0].quantity", equalTo(1));
    }

    @Test
    void aNonUniqueTrophyIncrementsFromNothing() {
        String user = Tokens.newUserId();
        asAdmin().when().post(trophies(user) + "/1/increment").then().statusCode(200).body("quantity", equalTo(1));
        asAdmin().when().post(trophies(user) + "/1/increment").then().statusCode(200).body("quantity", equalTo(2));
        asAdmin().when().post(trophies(user) + "/1/increment").then().statusCode(200)
                .body("quantity", equalTo(3)).body("name", equalTo("Badge OS"));
        badges(user).body("[0].quantity", equalTo(3));
    }

    @Test
    void decrementLowersTheQuantityAndAtOneRemovesTheRow() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 4, "quantity", 2)).when().post(trophies(user)).then().statusCode(201);
        asAdmin().when().post(trophies(user) + "/4/decrement").then().statusCode(200).body("quantity", equalTo(1));
        badges(user).body("[0].quantity", equalTo(1));
        asAdmin().when().post(trophies(user) + "/4/decrement").then().statusCode(200).body("quantity", equalTo(0));
        badges(user).body("", empty());
        asAdmin().when().post(trophies(user) + "/4/decrement").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // The row is really gone: a fresh grant is accepted again.
        asAdmin().body(Map.of("trophy_id", 4)).when().post(trophies(user)).then().statusCode(201);
    }

    @Test
    void patchSetsTheQuantityOfAHeldTrophy() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 1)).when().post(trophies(user)).then().statusCode(201);
        asAdmin().body(Map.of("quantity", 12)).when().patch(trophies(user) + "/1").then()
                .statusCode(200).body("quantity", equalTo(12));
        badges(user).body("[0].quantity", equalTo(12));
        asAdmin().body(Map.of("quantity", 3)).when().patch(trophies(Tokens.newUserId()) + "/1").then()
                .statusCode(404).body("detail", equalTo("User does not own this trophy."));
    }

    @Test
    void deleteRemovesTheHolding() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 2, "quantity", 9)).when().post(trophies(user)).then().statusCode(201);
        asAdmin().when().delete(trophies(user) + "/2").then().statusCode(204);
        badges(user).body("", empty());
        asAdmin().when().delete(trophies(user) + "/2").then().statusCode(404);
    }

    @Test
    void anUnknownTrophyIs404AndNothingIsCreated() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 987654)).when().post(trophies(user)).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        asAdmin().when().post(trophies(user) + "/987654/increment").then().statusCode(404);
        badges(user).body("", empty());
    }

    @Test
    void badInputIs400AndChangesNothing() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 1, "quantity", 4)).when().post(trophies(user)).then().statusCode(201);
        for (Object body : List.of(Map.of(), Map.of("quantity", 2), Map.of("trophy_id", 3, "quantity", 0),
                Map.of("trophy_id", 3, "quantity", -1), Map.of("trophy_id", 3, "quantity", 2_000_000),
                Map.of("trophy_id", "trois"), Map.of("trophy_id", 3, "bonus", true))) {
            asAdmin().body(body).when().post(trophies(user)).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", not(equalTo("INTERNAL_ERROR")));
        }
        for (Object body : List.of(Map.of(), Map.of("quantity", 0), Map.of("quantity", "beaucoup"))) {
            asAdmin().body(body).when().patch(trophies(user) + "/1").then().statusCode(400);
        }
        asAdmin().body(Map.of("trophy_id", 3)).when().post("/api/v1/users/not-a-user/trophies").then()
                .statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        asAdmin().body(Map.of("trophy_id", 3)).when().post("/api/v1/users/123/trophies").then().statusCode(400);
        given().when().get("/api/v1/users/abc/badges").then().statusCode(400);
        badges(user).body("", hasSize(1)).body("[0].trophy_id", equalTo(1)).body("[0].quantity", equalTo(4));
    }

    @Test
    void adminEndpointsNeedAdmin401Anonymous403PlayerAndGm() {
        String user = Tokens.newUserId();
        asAdmin().body(Map.of("trophy_id", 1, "quantity", 5)).when().post(trophies(user)).then().statusCode(201);
        for (String caller : new String[] {null, Auth.player(), Auth.gm()}) {
            int status = caller == null ? 401 : 403;
            List<ValidatableResponse> answers = List.of(
                    as(caller).body(Map.of("trophy_id", 2)).when().post(trophies(user)).then(),
                    as(caller).body(Map.of("quantity", 1)).when().patch(trophies(user) + "/1").then(),
                    as(caller).when().post(trophies(user) + "/1/increment").then(),
                    as(caller).when().post(trophies(user) + "/1/decrement").then(),
                    as(caller).when().delete(trophies(user) + "/1").then());
            answers.forEach(answer -> answer.statusCode(status).contentType("application/problem+json")
                    .body("code", equalTo(status == 401 ? "UNAUTHENTICATED" : "FORBIDDEN")));
        }
        badges(user).body("", hasSize(1)).body("[0].quantity", equalTo(5));
        // A superuser may act as an admin does.
        given().header("Authorization", Auth.superuser()).when().post(trophies(user) + "/1/increment").then()
                .statusCode(200).body("quantity", equalTo(6));
    }

    private static RequestSpecification as(String caller) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return caller == null ? spec : spec.header("Authorization", caller);
    }
}
