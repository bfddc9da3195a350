package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.inDays;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import club.questmaster.games.Api.User;
import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/games: filters, draft visibility, the original's sort order and pagination. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GameListTest {

    private static List<String> slugs(io.restassured.response.Response response) {
        List<String> slugs = new ArrayList<>();
        Api.json(response.asString()).get("items").forEach(g -> slugs.add(g.get("slug").asText()));
        return slugs;
    }

    @Test
    void filtersDraftVisibilityAndTheOriginalsSortOrder() {
        long systemId = Api.system();
        User gm = gm("lister");
        User other = gm("rival");
        User admin = Api.admin("listadmin");
        // open: in 2 days, in 10 days, 1 day ago, 30 days ago; closed in 1 day; a draft; an archived one.
        String in10 = publish(gm, systemId, 10, "oneshot", "all");
        String in2 = publish(gm, systemId, 2, "campaign", "18+");
        String ago1 = publish(gm, systemId, -1, "oneshot", "16+");
        String ago30 = publish(gm, systemId, -30, "oneshot", "all");
        String closed = publish(gm, systemId, 1, "oneshot", "all");
        gm.as().post("/api/v1/games/" + closed + "/close").then().statusCode(200);
        String archived = publish(gm, systemId, 5, "oneshot", "all");
        gm.as().post("/api/v1/games/" + archived + "/archive").then().statusCode(200);
        String draft = Api.createGame(gm, gameBody(unique("Draft"), systemId)).get("slug").asText();
        String otherDraft = Api.createGame(other, gameBody(unique("OtherDraft"), systemId)).get("slug").asText();

        String bySystem = "/api/v1/games?system_id=" + systemId;
        // Default: open only, future soonest first, then past most recent first.
        assertThat(slugs(given().get(bySystem))).containsExactly(in2, in10, ago1, ago30);
        List<String> all = slugs(admin.as().get(bySystem + "&status=draft&status=open&status=closed&status=archived"));
        assertThat(all.subList(0, 2)).containsExactlyInAnyOrder(draft, otherDraft);
        assertThat(all.subList(2, all.size())).containsExactly(in2, in10, ago1, ago30, closed, archived);
        assertThat(slugs(gm.as().get(bySystem + "&status=draft"))).containsExactly(draft);
        assertThat(slugs(given().get(bySystem + "&status=draft"))).isEmpty();
        assertThat(slugs(given().get(bySystem + "&status=closed,archived"))).containsExactly(closed, archived);
        assertThat(slugs(given().get(bySystem + "&type=campaign"))).containsExactly(in2);
        assertThat(slugs(given().queryParam("restriction", "16+", "18+").get(bySystem))).containsExactly(in2, ago1);
        assertThat(slugs(given().get(bySystem + "&gm_id=" + other.id() + "&status=draft"))).isEmpty();
        assertThat(slugs(admin.as().get(bySystem + "&gm_id=" + other.id() + "&status=draft")))
                .containsExactly(otherDraft);
        String name = given().get("/api/v1/games/" + in10).then().extract().path("name");
        assertThat(slugs(given().get(bySystem + "&name=" + name.substring(3).toUpperCase()))).containsExactly(in10);

        User p = Api.player("filterplayer");
        p.as().post("/api/v1/games/" + ago1 + "/registrations").then().statusCode(201);
        assertThat(slugs(p.as().get(bySystem + "&player_id=me"))).containsExactly(ago1);
        assertThat(slugs(given().get(bySystem + "&player_id=" + p.id()))).containsExactly(ago1);
        given().get(bySystem + "&player_id=me").then().statusCode(401);
        given().get(bySystem + "&status=secret").then().statusCode(400);
        given().get(bySystem + "&type=larp").then().statusCode(400);
        given().get("/api/v1/games?system_id=abc").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        given().get("/api/v1/games?page=x").then().statusCode(400);

        JsonNode page = Api.json(given().get(bySystem + "&per_page=3&page=2").asString());
        assertThat(page.get("total").asInt()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("per_page").asInt()).isEqualTo(3);
        assertThat(page.get("pages").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("slug").asText()).isEqualTo(ago30);
        assertThat(page.get("items").get(0).get("sessions").size()).isEqualTo(1);
        given().get(bySystem + "&per_page=1000").then().body("per_page", equalTo(100));
        given().get(bySystem + "&per_page=0").then().body("per_page", equalTo(1));
    }

    @Test
    void specialEventAndVttFilters() {
        long systemId = Api.system();
        User admin = Api.admin("evadmin");
        long eventId = admin.as().body(Map.of("name", unique("Fest"))).post("/api/v1/special-events").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long vttId = admin.as().body(Map.of("name", unique("Roll20"))).post("/api/v1/vtts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        User gm = gm("eventgm");
        Map<String, Object> body = gameBody(unique("Event game"), systemId);
        body.put("special_event_id", eventId);
        body.put("vtt_id", vttId);
        String slug = Api.publishedGame(gm, body).get("slug").asText();
        publish(gm, systemId, 3, "oneshot", "all");
        assertThat(slugs(given().get("/api/v1/games?special_event_id=" + eventId))).containsExactly(slug);
        assertThat(slugs(given().get("/api/v1/games?vtt_id=" + vttId))).containsExactly(slug);
    }

    @Test
    void theUnfilteredListFollowsTheOriginalsOrderAcrossPages() {
        long systemId = Api.system();
        User gm = gm("orderer");
        publish(gm, systemId, 3, "oneshot", "all");
        publish(gm, systemId, -3, "oneshot", "all");
        User admin = Api.admin("orderadmin");
        String all = "/api/v1/games?status=archived&status=closed&status=open&status=draft&per_page=7";
        List<JsonNode> items = new ArrayList<>();
        JsonNode first = Api.json(admin.as().get(all + "&page=1").asString());
        first.get("items").forEach(items::add);
        Api.json(admin.as().get(all + "&page=2").asString()).get("items").forEach(items::add);
        assertThat(first.get("total").asInt()).isGreaterThanOrEqualTo(2);
        java.time.Instant now = java.time.Instant.now();
        List<String> ranks = List.of("draft", "open", "closed", "archived");
        for (int i = 1; i < items.size(); i++) {
            JsonNode a = items.get(i - 1);
            JsonNode b = items.get(i);
            int ra = ranks.indexOf(a.get("status").asText());
            int rb = ranks.indexOf(b.get("status").asText());
            assertThat(ra).isLessThanOrEqualTo(rb);
            if (ra == rb) {
                java.time.Instant da = java.time.OffsetDateTime.parse(a.get("date").asText()).toInstant();
                java.time.Instant db = java.time.OffsetDateTime.parse(b.get("date").asText()).toInstant();
                boolean pastA = da.isBefore(now);
                boolean pastB = db.isBefore(now);
                assertThat(pastA && !pastB).as("future before past").isFalse();
                if (pastA == pastB) {
                    long distA = Math.abs(java.time.Duration.between(now, da).toSeconds());
                    long distB = Math.abs(java.time.Duration.between(now, db).toSeconds());
                    assertThat(distA).as("closest first").isLessThanOrEqualTo(distB + 1);
                }
            }
        }
        assertThat(items.stream().map(n -> n.get("id").asLong()).distinct().count()).isEqualTo(items.size());
    }

    private static String publish(User gm, long systemId, int days, String type, String restriction) {
        Map<String, Object> body = gameBody(unique("Liste"), systemId);
        body.put("date", inDays(days).toString());
        body.put("type", type);
        body.put("restriction", restriction);
        String slug = Api.createGame(gm, body).get("slug").asText();
        gm.as().body(Map.of("confirm_past_date", true)).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(200);
        return slug;
    }
}
