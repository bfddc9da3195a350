package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every endpoint of api.md §2. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void theOpenApiDocumentCoversTheContractRows() {
        var paths = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("paths", hasKey("/api/v1/auth/refresh"))
                .body("paths", hasKey("/api/v1/auth/logout"))
                .body("paths", hasKey("/api/v1/auth/discord"))
                .body("paths", hasKey("/.well-known/jwks.json"))
                .body("paths", hasKey("/api/v1/users/me"))
                .body("paths", hasKey("/api/v1/users/{id}"))
                .body("paths", hasKey("/api/v1/users"))
                .body("paths", hasKey("/api/v1/users/search"))
                .body("paths", hasKey("/api/v1/admin/users"))
                .body("paths", hasKey("/api/v1/admin/users/{id}"))
                .body("paths", hasKey("/api/v1/admin/users/{id}/ban"))
                .body("paths", hasKey("/api/v1/admin/users/{id}/unban"))
                .body("paths.'/api/v1/auth/login'.post.summary", notNullValue())
                .body("paths.'/api/v1/auth/login'.post.responses", hasKey("429"))
                .body("paths.'/api/v1/admin/users'.post.responses", hasKey("409"));
    }
}
