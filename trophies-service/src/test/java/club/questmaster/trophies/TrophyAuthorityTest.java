package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Who may write trophies is what this service's users projection says (contract §6 "Authority", §8): the delegated
 * permission {@code manage_trophies} opens the writes to a non-admin, and a demoted admin loses them within 5 s.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class TrophyAuthorityTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private static io.restassured.response.Response createTrophy(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("name", TrophyCatalogTest.uniqueName("Dé délégué"), "unique", false, "icon", "/d.png"))
                .when().post("/api/v1/trophies");
    }

    @Test
    void theManageTrophiesPermissionLetsANonAdminWriteTrophiesAndAwardThem() {
        String id = Tokens.newUserId();
        String player = Tokens.bearer(Tokens.of(id, "tresoriere", Role.PLAYER_NAME));
        UserEvents.created(id, "tresoriere", Role.PLAYER_NAME);
        createTrophy(player).then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        UserEvents.snapshot(UserEventData.Types.PERMISSIONS_CHANGED, id, "tresoriere", false,
                List.of(Role.PLAYER_NAME), List.of("manage_trophies"), OffsetDateTime.now(ZoneOffset.UTC));
        Awaitility.await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> createTrophy(player).then().statusCode(201));
        given().header("Authorization", player).contentType(ContentType.JSON).body(Map.of("trophy_id", 1))
                .when().post("/api/v1/users/{id}/trophies", Tokens.newUserId()).then().statusCode(201);

        UserEvents.snapshot(UserEventData.Types.PERMISSIONS_CHANGED, id, "tresoriere", false,
                List.of(Role.PLAYER_NAME), List.of(), OffsetDateTime.now(ZoneOffset.UTC));
        Awaitility.await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> createTrophy(player).then().statusCode(403));
    }

    @Test
    void aDemotedAdminsLiveTokenIsRefusedOnTrophyWritesWithinFiveSeconds() {
        String id = Tokens.newUserId();
        String admin = Tokens.bearer(Tokens.of(id, "ex-admin", Role.PLAYER_NAME, Role.ADMIN_NAME));
        UserEvents.created(id, "ex-admin", Role.PLAYER_NAME, Role.ADMIN_NAME);
        createTrophy(admin).then().statusCode(201);

        UserEvents.publish(UserEventData.Types.UPDATED, id, "ex-admin", false, List.of(Role.PLAYER_NAME));
        Awaitility.await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> createTrophy(admin).then().statusCode(403).body("code", equalTo("FORBIDDEN")));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("trophy_id", 1))
                .when().post("/api/v1/users/{id}/trophies", Tokens.newUserId()).then().statusCode(403);
    }
}
