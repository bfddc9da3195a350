package club.questmaster.games;

import static club.questmaster.games.Api.admin;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import club.questmaster.games.Api.User;
import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Systems, VTTs and special events: read by anyone, written by admin+, unique names, not deleted while used. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"systems", "vtts"})
    void namedReferenceDataHasCrudForAdminsAndReadsForAnyone(String kind) {
        User admin = admin("refadmin");
        String base = "/api/v1/" + kind;
        String name = unique("Ref");
        long id = admin.as().body(Map.of("name", name, "icon", "/static/img/x.png")).post(base).then()
                .statusCode(201).body("name", equalTo(name)).body("icon", equalTo("/static/img/x.png"))
                .extract().jsonPath().getLong("id");
        given().get(base).then().statusCode(200).body("name", hasItem(name));
        given().get(base + "/" + id).then().statusCode(200).body("id", equalTo((int) id));
        given().get(base + "/999999999").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        admin.as().body(Map.of("name", name.toUpperCase())).post(base).then().statusCode(409)
                .body("code", equalTo("NAME_TAKEN"));
        admin.as().body(Map.of("name", "")).post(base).then().statusCode(400);
        admin.as().body(Map.of("name", name, "colour", 1)).post(base).then().statusCode(400);
        String renamed = unique("Renamed");
        admin.as().body(Map.of("name", renamed)).patch(base + "/" + id).then().statusCode(200)
                .body("name", equalTo(renamed)).body("icon", equalTo("/static/img/x.png"));
        String other = unique("Other");
        admin.as().body(Map.of("name", other)).post(base).then().statusCode(201);
        admin.as().body(Map.of("name", other)).patch(base + "/" + id).then().statusCode(409)
                .body("code", equalTo("NAME_TAKEN"));

        gm("notadmin").as().body(Map.of("name", unique("Nope"))).post(base).then().statusCode(403);
        gm("notadmin").as().body(Map.of("name", unique("Nope"))).patch(base + "/" + id).then().statusCode(403);
        gm("notadmin").as().delete(base + "/" + id).then().statusCode(403);
        given().contentType("application/json").body(Map.of("name", unique("Anon"))).post(base).then()
                .statusCode(401);

        admin.as().delete(base + "/" + id).then().statusCode(204);
        given().get(base + "/" + id).then().statusCode(404);
    }

    @Test
    void referenceDataUsedByAGameCannotBeDeleted() {
        User admin = admin("refadmin");
        long systemId = Api.system();
        long vttId = admin.as().body(Map.of("name", unique("Foundry"))).post("/api/v1/vtts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long eventId = admin.as().body(Map.of("name", unique("CthulhuFest"), "emoji", "🐙", "color", 0x2196F3,
                "active", true)).post("/api/v1/special-events").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Map<String, Object> body = gameBody(unique("Used"), systemId);
        body.put("vtt_id", vttId);
        body.put("special_event_id", eventId);
        Api.createGame(gm("user"), body);
        admin.as().delete("/api/v1/systems/" + systemId).then().statusCode(409).body("code", equalTo("IN_USE"));
        admin.as().delete("/api/v1/vtts/" + vttId).then().statusCode(409).body("code", equalTo("IN_USE"));
        admin.as().delete("/api/v1/special-events/" + eventId).then().statusCode(409).body("code", equalTo("IN_USE"));
    }

    @Test
    void specialEventsCarryEmojiColourAndActiveAndFilterOnActive() {
        User admin = admin("events");
        String active = unique("Halloween");
        String inactive = unique("Noël");
        long id = admin.as().body(Map.of("name", active, "emoji", "🎃", "color", 0xF34242, "active", true))
                .post("/api/v1/special-events").then().statusCode(201).body("emoji", equalTo("🎃"))
                .body("color", equalTo(0xF34242)).body("active", equalTo(true)).extract().jsonPath().getLong("id");
        admin.as().body(Map.of("name", inactive)).post("/api/v1/special-events").then().statusCode(201)
                .body("active", equalTo(false));
        given().get("/api/v1/special-events?active=true").then().statusCode(200).body("name", hasItem(active))
                .body("name", not(hasItem(inactive))).body("active", everyItem(equalTo(true)));
        given().get("/api/v1/special-events").then().body("name", hasItem(inactive));
        admin.as().body(Map.of("color", 0x1000000)).patch("/api/v1/special-events/" + id).then().statusCode(400);
        admin.as().body(Map.of("active", false)).patch("/api/v1/special-events/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("emoji", equalTo("🎃"));
        admin.as().body(Map.of("name", inactive)).post("/api/v1/special-events").then().statusCode(409)
                .body("code", equalTo("NAME_TAKEN"));
    }
}
