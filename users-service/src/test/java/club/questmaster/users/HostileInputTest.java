package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 12's reproductions on users-service: each answered 500 before; a 400 naming the field now (contract §6). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Test
    void nulInTheLoginUsernameOrPasswordIsA400NamingTheField() {
        for (String[] c : new String[][] {{"{\"username\":\"ad\\u0000min\",\"password\":\"whatever-1\"}", "username"},
                {"{\"username\":\"admin\",\"password\":\"pass\\u0000word\"}", "password"}}) {
            given().contentType(ContentType.JSON).body(c[0].getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/auth/login").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo(c[1]));
        }
        // The owner is not locked out by those attempts.
        Api.superuserToken();
    }

    @Test
    void nulInTheUserSearchIsA400NamingQ() {
        String token = Api.superuserToken();
        given().urlEncodingEnabled(false).header("Authorization", Api.bearer(token))
                .when().get("/api/v1/users/search?q=%00").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("q"));
    }

    @Test
    void aPageBeyondTheOffsetArithmeticIsA400NamingPage() {
        String token = Api.superuserToken();
        given().header("Authorization", Api.bearer(token))
                .when().get("/api/v1/admin/users?page=2147483647&per_page=100").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("page"));
        given().header("Authorization", Api.bearer(token))
                .when().get("/api/v1/admin/users?page=99999999999").then()
                .statusCode(400).body("errors[0].field", equalTo("page"));
    }
}
