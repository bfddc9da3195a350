package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Trophy definitions (contract §4): the seeded badges, unique names, admin-only writes, safe deletes. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class TrophyCatalogTest {

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static int create(String name, boolean unique, String icon) {
        return given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "unique", unique, "icon", icon))
                .when().post("/api/v1/trophies").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void theFourOriginalBadgesAreSeededWithIdsOneToFourForAnyone() {
        given().when().get("/api/v1/trophies").then().statusCode(200)
                .body("find { it.id == 1 }.name", equalTo("Badge OS"))
                .body("find { it.id == 1 }.icon", equalTo("/static/img/os.png"))
                .body("find { it.id == 1 }.unique", equalTo(false))
                .body("find { it.id == 2 }.name", equalTo("Badge OS GM"))
                .body("find { it.id == 2 }.icon", equalTo("/static/img/os_gm.png"))
                .body("find { it.id == 3 }.name", equalTo("Badge Campagne"))
                .body("find { it.id == 3 }.icon", equalTo("/static/img/campaign.png"))
                .body("find { it.id == 4 }.name", equalTo("Badge Campagne GM"))
                .body("find { it.id == 4 }.icon", equalTo("/static/img/campaign_gm.png"))
                .body("find { it.id == 4 }.unique", equalTo(false));
        given().when().get("/api/v1/trophies/3").then().statusCode(200)
                .body("id", equalTo(3)).body("name", equalTo("Badge Campagne"))
                .body("unique", equalTo(false)).body("icon", equalTo("/static/img/campaign.png"));
    }

    @Test
    void anAdminCreatesATrophyWithAnIdAfterTheSeededOnes() {
        String name = uniqueName("Dé d'or");
        var created = given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "unique", true, "icon", "/static/img/gold.png"))
                .when().post("/api/v1/trophies").then()
                .statusCode(201)
                .body("id", greaterThanOrEqualTo(100))
                .body("name", equalTo(name)).body("unique", equalTo(true)).body("icon", equalTo("/static/img/gold.png"))
                .extract();
        int id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/trophies/" + id), created.header("Location"));
        given().when().get("/api/v1/trophies/" + id).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void uniqueDefaultsToFalseAndIconIsOptional() {
        String name = uniqueName("Sans icône");
        given().header("Authorization", Auth.superuser()).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when().post("/api/v1/trophies").then()
                .statusCode(201).body("unique", equalTo(false)).body("icon", nullValue());
    }

    @Test
    void aTakenNameIsRefusedWith409NameTakenOnCreateAndRename() {
        String name = uniqueName("Doublon");
        int first = create(name, false, "/a.png");
        int second = create(uniqueName("Autre"), false, "/b.png");
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when().post("/api/v1/trophies").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("NAME_TAKEN")).body("detail", equalTo("Trophy name already exists."));
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Badge OS"))
                .when().patch("/api/v1/trophies/" + second).then()
                .statusCode(409).body("code", equalTo("NAME_TAKEN"));
        // Renaming a trophy to its own name is not a conflict.
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when().patch("/api/v1/trophies/" + first).then().statusCode(200);
        List<String> names = given().when().get("/api/v1/trophies").then().extract().path("name");
        assertEquals(1, names.stream().filter(name::equals).count());
    }

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        String name = uniqueName("Patché");
        int id = create(name, false, "/old.png");
        String renamed = uniqueName("Renommé");
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", renamed))
                .when().patch("/api/v1/trophies/" + id).then()
                .statusCode(200).body("name", equalTo(renamed)).body("icon", equalTo("/old.png"))
                .body("unique", equalTo(false));
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("icon", "/new.png", "unique", true))
                .when().patch("/api/v1/trophies/" + id).then()
                .statusCode(200).body("name", equalTo(renamed)).body("icon", equalTo("/new.png"))
                .body("unique", equalTo(true));
    }

    @Test
    void makingATrophyUniqueBringsEveryHolderDownToOne() {
        int id = create(uniqueName("Devient unique"), false, "/u.png");
        String user = Tokens.newUserId();
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("trophy_id", id, "quantity", 5))
                .when().post("/api/v1/users/" + user + "/trophies").then().statusCode(201).body("quantity", equalTo(5));
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("unique", true))
                .when().patch("/api/v1/trophies/" + id).then().statusCode(200);
        given().when().get("/api/v1/users/" + user + "/badges").then().statusCode(200)
                .body("find { it.trophy_id == " + id + " }.quantity", equalTo(1));
    }

    @Test
    void deletingAnUnheldTrophyAnswers204AndItIsGone() {
        int id = create(uniqueName("Éphémère"), false, "/e.png");
        given().header("Authorization", Auth.admin()).when().delete("/api/v1/trophies/" + id).then().statusCode(204);
        given().when().get("/api/v1/trophies/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", Auth.admin()).when().delete("/api/v1/trophies/" + id).then().statusCode(404);
    }

    @Test
    void aHeldTrophyCannotBeDeleted409InUseAndStaysHeld() {
        int id = create(uniqueName("Tenu"), false, "/t.png");
        String user = Tokens.newUserId();
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("trophy_id", id)).when().post("/api/v1/users/" + user + "/trophies").then().statusCode(201);
        given().header("Authorization", Auth.admin()).when().delete("/api/v1/trophies/" + id).then()
                .statusCode(409).body("code", equalTo("IN_USE"));
        given().when().get("/api/v1/trophies/" + id).then().statusCode(200);
        given().when().get("/api/v1/users/" + user + "/badges").then()
                .body("find { it.trophy_id == " + id + " }.quantity", equalTo(1));
    }

    @Test
    void theBuiltInBadgesCannotBeDeletedButCanBeRestyled() {
        given().header("Authorization", Auth.admin()).when().delete("/api/v1/trophies/1").then()
                .statusCode(409).body("code", equalTo("IN_USE"));
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .body(Map.of("icon", "/static/img/os.png"))
                .when().patch("/api/v1/trophies/1").then().statusCode(200).body("name", equalTo("Badge OS"));
    }

    @Test
    void unknownTrophyIs404() {
        given().when().get("/api/v1/trophies/999999").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON).body(Map.of("icon", "/x.png"))
                .when().patch("/api/v1/trophies/999999").then().statusCode(404);
    }

    @Test
    void badInputIs400AndCreatesNothing() {
        int before = given().when().get("/api/v1/trophies").then().extract().path("size()");
        for (Object body : List.of(Map.of("name", ""), Map.of("name", "   "), Map.of("name", "x".repeat(65)),
                Map.of("icon", "/no-name.png"), Map.of("name", uniqueName("Champ"), "color", "red"),
                Map.of("name", uniqueName("Type"), "unique", "peut-être"))) {
            given().header("Authorization", Auth.admin()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/trophies").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", not(equalTo("INTERNAL_ERROR")));
        }
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON).body("{\"name\":")
                .when().post("/api/v1/trophies").then().statusCode(400);
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON)
                .when().post("/api/v1/trophies").then().statusCode(400);
        given().header("Authorization", Auth.admin()).contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().patch("/api/v1/trophies/2").then().statusCode(400);
        given().when().get("/api/v1/trophies").then().body("size()", equalTo(before))
                .body("name", hasItem("Badge OS GM"));
    }

    @Test
    void writesNeedAdmin401Anonymous403PlayerAndGm() {
        int id = create(uniqueName("Protégé"), false, "/p.png");
        Map<String, String> body = Map.of("name", uniqueName("Intrus"));
        for (String caller : new String[] {null, Auth.player(), Auth.gm()}) {
            int expected = caller == null ? 401 : 403;
            String code = caller == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            var post = given().contentType(ContentType.JSON).body(body);
            var patch = given().contentType(ContentType.JSON).body(body);
            var delete = given();
            if (caller != null) {
                post.header("Authorization", caller);
                patch.header("Authorization", caller);
                delete.header("Authorization", caller);
            }
            post.when().post("/api/v1/trophies").then().statusCode(expected).body("code", equalTo(code));
            patch.when().patch("/api/v1/trophies/" + id).then().statusCode(expected).body("code", equalTo(code));
            delete.when().delete("/api/v1/trophies/" + id).then().statusCode(expected).body("code", equalTo(code));
        }
        given().when().get("/api/v1/trophies/" + id).then().statusCode(200).body("icon", equalTo("/p.png"));
        given().when().get("/api/v1/trophies").then().body("name", not(hasItem(body.get("name"))));
    }
}
