package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.games.Api.User;
import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list envelope's total without a selective filter comes from the per-(status, type, restriction) counts the
 * database keeps (V20 game_count); it must equal a count of the games after every kind of change: create, publish,
 * close, auto-close, reopen, archive, cancel (contract §7), delete, and for each viewer (anonymous, the gm with their drafts, an admin).
 * With a selective filter the matching games are counted with the page (docs/performance.md, P2), on every page.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GameListTotalsTest {

    private static final String ALL = "status=draft&status=open&status=closed&status=archived&status=cancelled";

    @Inject
    AgroalDataSource db;

    @Test
    void totalsWithoutASelectiveFilterEqualACountOfTheGamesAfterEveryChange() throws Exception {
        long systemId = Api.system();
        User gm = Api.gm(unique("totals"));
        User admin = Api.admin(unique("totalsadmin"));
        assertTotalsMatchTheGames(gm, admin);

        Map<String, Object> body = gameBody(unique("Totals"), systemId);
        body.put("party_size", 1);
        body.put("type", "campaign");
        body.put("restriction", "18+");
        String slug = Api.createGame(gm, body).get("slug").asText();
        assertTotalsMatchTheGames(gm, admin);
        String draft = Api.createGame(gm, gameBody(unique("TotalsDraft"), systemId)).get("slug").asText();
        assertTotalsMatchTheGames(gm, admin);

        gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
        assertTotalsMatchTheGames(gm, admin);
        gm.as().post("/api/v1/games/" + slug + "/close").then().statusCode(200);
        assertTotalsMatchTheGames(gm, admin);
        gm.as().post("/api/v1/games/" + slug + "/reopen").then().statusCode(200);
        assertTotalsMatchTheGames(gm, admin);
        User player = Api.player(unique("totalsplayer"));
        player.as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201); // last seat: auto-close
        assertTotalsMatchTheGames(gm, admin);
        player.as().delete("/api/v1/games/" + slug + "/registrations/me").then().statusCode(204); // auto-reopen
        assertTotalsMatchTheGames(gm, admin);
        gm.as().post("/api/v1/games/" + slug + "/archive").then().statusCode(200);
        assertTotalsMatchTheGames(gm, admin);
        gm.as().delete("/api/v1/games/" + draft).then().statusCode(204);
        assertTotalsMatchTheGames(gm, admin);

        String called = Api.createGame(gm, gameBody(unique("TotalsCancelled"), systemId)).get("slug").asText();
        gm.as().body(Map.of()).post("/api/v1/games/" + called + "/publish").then().statusCode(200);
        gm.as().body(Map.of("reason", "MJ malade")).post("/api/v1/games/" + called + "/cancel").then().statusCode(200);
        assertTotalsMatchTheGames(gm, admin);
    }

    @Test
    void aSelectiveFilterCountsItsGamesOnEveryPageEvenPastTheLast() {
        long systemId = Api.system();
        User gm = Api.gm(unique("totalsname"));
        String name = unique("Selective");
        for (int i = 0; i < 3; i++) {
            Api.publishedGame(gm, gameBody(name + " " + i, systemId));
        }
        String list = "/api/v1/games?name=" + name + "&per_page=2&page=";
        // the count rides on the page's rows; a page past the last has none, and counts them on its own
        for (int page = 1; page <= 3; page++) {
            JsonNode answer = Api.json(given().get(list + page).asString());
            assertThat(answer.get("total").asLong()).as("page " + page).isEqualTo(3);
            assertThat(answer.get("items")).as("page " + page).hasSize(page == 1 ? 2 : page == 2 ? 1 : 0);
        }
    }

    private void assertTotalsMatchTheGames(User gm, User admin) throws Exception {
        assertThat(total(given().get("/api/v1/games").asString())).isEqualTo(count("status = 'open'"));
        assertThat(total(given().get("/api/v1/games?status=open,closed&type=campaign").asString()))
                .isEqualTo(count("status IN ('open', 'closed') AND type = 'campaign'"));
        assertThat(total(given().queryParam("status", "archived")
                .queryParam("restriction", "18+", "all").get("/api/v1/games").asString()))
                .isEqualTo(count("status = 'archived' AND restriction IN ('18+', 'all')"));
        assertThat(total(given().get("/api/v1/games?status=cancelled").asString()))
                .isEqualTo(count("status = 'cancelled'"));
        // drafts: an anonymous caller sees none, the gm their own, an admin all
        assertThat(total(given().get("/api/v1/games?" + ALL).asString())).isEqualTo(count("status <> 'draft'"));
        assertThat(total(gm.as().get("/api/v1/games?" + ALL).asString()))
                .isEqualTo(count("status <> 'draft' OR gm_id = '" + gm.id() + "'"));
        assertThat(total(admin.as().get("/api/v1/games?" + ALL + "&type=oneshot").asString()))
                .isEqualTo(count("type = 'oneshot'"));
    }

    private static long total(String page) {
        return Api.json(page).get("total").asLong();
    }

    private long count(String where) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM game WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
