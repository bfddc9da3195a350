package club.questmaster.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Issue 12's reproductions on audit-service: a 400 naming the parameter, never a 500 (contract §6). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    private static RequestSpecification admin() {
        String id = Tokens.newUserId();
        return given().header("Authorization", Tokens.bearer(Tokens.of(id, "auditadmin", Role.PLAYER_NAME,
                Role.GM_NAME, Role.ADMIN_NAME)));
    }

    @Test
    void aPageBeyondTheOffsetArithmeticIsA400NamingPage() {
        admin().get("/api/v1/game-events?page=2147483647&per_page=100").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("page"));
    }

    @Test
    void numbersTooLargeForAnIdAreA4xxNotA500() {
        admin().get("/api/v1/game-events?game_id=99999999999999999999999").then()
                .statusCode(400).body("errors[0].field", equalTo("game_id"));
        admin().get("/api/v1/games/99999999999999999999999/events").then().statusCode(lessThan(500));
        admin().urlEncodingEnabled(false).get("/api/v1/game-events?q=%00").then()
                .statusCode(400).body("errors[0].field", equalTo("q"));
    }
}
