package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The four public boards: top 10 by quantity, ties by user id. The quantities here are far above what the other
 * test classes give, so this class owns the top of the board it uses.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LeaderboardTest {

    private record Holder(String userId, int quantity) {
    }

    private static void grant(String user, int trophyId, int quantity) {
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("trophy_id", trophyId, "quantity", quantity))
                .when().post("/api/v1/users/" + user + "/trophies").then().statusCode(201);
    }

    @Test
    void eachBoardIsATopTenBySumOfQuantityWithTiesByUserId() {
        // 12 campaign players (Badge Campagne, id 3): two ties, and two below the cut.
        int[] quantities = {900_050, 900_040, 900_040, 900_030, 900_020, 900_020, 900_020, 900_010, 900_009,
                900_008, 900_007, 900_006};
        List<Holder> holders = new ArrayList<>();
        for (int quantity : quantities) {
            Holder holder = new Holder(Tokens.newUserId(), quantity);
            holders.add(holder);
            grant(holder.userId(), 3, holder.quantity());
        }
        List<Holder> expected = holders.stream()
                .sorted(Comparator.comparingInt(Holder::quantity).reversed().thenComparing(Holder::userId))
                .limit(10).toList();

        List<Map<String, Object>> board = given().when().get("/api/v1/leaderboards").then().statusCode(200)
                .extract().path("campaign_players");
        assertEquals(10, board.size());
        for (int rank = 0; rank < 10; rank++) {
            assertEquals(expected.get(rank).userId(), board.get(rank).get("user_id"), "rank " + (rank + 1));
            assertEquals(expected.get(rank).quantity(), ((Number) board.get(rank).get("count")).intValue());
        }
    }

    @Test
    void boardsAreSeparatedByBadgeAndShowTheNameFromTheUsersProjection() {
        String gm = Tokens.newUserId();
        grant(gm, 4, 950_000);
        String player = Tokens.newUserId();
        grant(player, 1, 950_000);
        UserEvents.created(gm, "Jadow", Role.PLAYER_NAME, Role.GM_NAME);

        given().when().get("/api/v1/leaderboards").then().statusCode(200)
                .body("campaign_gms[0].user_id", equalTo(gm))
                .body("campaign_gms[0].count", equalTo(950_000))
                .body("oneshot_players[0].user_id", equalTo(player))
                .body("oneshot_players[0].count", equalTo(950_000))
                .body("oneshot_players[0].name", equalTo(null))
                .body("oneshot_gms.user_id.flatten()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(gm)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().when().get("/api/v1/leaderboards").then()
                        .body("campaign_gms[0].name", equalTo("Jadow")));
    }
}
