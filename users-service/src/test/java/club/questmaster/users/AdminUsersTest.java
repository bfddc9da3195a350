package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** api.md §2, the admin rows, with the role hierarchy and the user events they publish. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class AdminUsersTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ObjectMapper json;

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", Api.bearer(token)).contentType(ContentType.JSON);
    }

    private UserEventData data(ConsumerRecord<String, String> record) throws Exception {
        return json.readValue(record.value(), UserEventData.class);
    }

    @Test
    void createUpdateBanUnbanDeleteEachPublishAFullSnapshotEvent() throws Exception {
        String su = Api.superuserToken();
        String suId = given().header("Authorization", Api.bearer(su)).get("/api/v1/users/me").path("id");
        String username = Api.uniqueName("life");
        try (KafkaProbe probe = KafkaProbe.open(Topics.USER_EVENTS)) {
            String id = as(su).body(Map.of("username", username, "password", Api.PASSWORD, "name", "Life Cycle",
                            "roles", List.of("player")))
                    .post("/api/v1/admin/users").then().statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/users/[0-9]{17,21}$"))
                    .body("id", matchesPattern("^[0-9]{17,21}$"))
                    .body("username", equalTo(username)).body("name", equalTo("Life Cycle"))
                    .body("roles", contains("player")).body("is_player", equalTo(true)).body("is_gm", equalTo(false))
                    .body("banned", equalTo(false)).body("$", not(org.hamcrest.Matchers.hasKey("password_hash")))
                    .extract().path("id");

            ConsumerRecord<String, String> created = probe.await(
                    KafkaProbe.type(UserEventData.Types.CREATED).and(KafkaProbe.subject(id)), 1, WAIT).get(0);
            assertEquals(CloudEvents.USERS_SOURCE, KafkaProbe.header(created, CloudEvents.SOURCE));
            assertEquals(id, KafkaProbe.header(created, CloudEvents.SUBJECT));
            assertEquals("1.0", KafkaProbe.header(created, CloudEvents.SPEC_VERSION));
            UserEventData c = data(created);
            assertEquals(KafkaProbe.header(created, CloudEvents.ID), c.eventId().toString());
            assertEquals("created", c.action());
            assertEquals(id, c.userId());
            assertEquals(username, c.username());
            assertEquals("Life Cycle", c.name());
            assertEquals(List.of("player"), c.roles());
            assertEquals(suId, c.actorId());
            assertFalse(c.banned());
            assertFalse(c.deleted());
            assertEquals(1, c.schemaVersion());
            assertFalse(created.value().contains("password"), "no secret in events");

            as(su).body(Map.of("name", "Renamed", "roles", List.of("player", "gm"), "password", "An0ther-Passphrase"))
                    .patch("/api/v1/admin/users/" + id).then().statusCode(200)
                    .body("name", equalTo("Renamed")).body("roles", contains("player", "gm"));
            UserEventData u = data(probe.await(KafkaProbe.type(UserEventData.Types.UPDATED).and(KafkaProbe.subject(id)),
                    1, WAIT).get(0));
            assertEquals("updated", u.action());
            assertEquals("Renamed", u.name());
            assertEquals(List.of("player", "gm"), u.roles());
            Api.login(username, "An0ther-Passphrase").then().statusCode(200);
            Api.login(username, Api.PASSWORD).then().statusCode(401);

            as(su).body(Map.of("reason", "harassment")).post("/api/v1/admin/users/" + id + "/ban").then()
                    .statusCode(200).body("banned", equalTo(true)).body("ban_reason", equalTo("harassment"));
            UserEventData b = data(probe.await(KafkaProbe.type(UserEventData.Types.BANNED).and(KafkaProbe.subject(id)),
                    1, WAIT).get(0));
            assertTrue(b.banned());
            assertEquals("harassment", b.banReason());

            as(su).post("/api/v1/admin/users/" + id + "/unban").then().statusCode(200).body("banned", equalTo(false));
            UserEventData ub = data(probe.await(
                    KafkaProbe.type(UserEventData.Types.UNBANNED).and(KafkaProbe.subject(id)), 1, WAIT).get(0));
            assertFalse(ub.banned());
            assertNull(ub.banReason());

            // The superuser's delete is an erasure (api.md §8): the event says deleted, and carries no personal data.
            as(su).delete("/api/v1/admin/users/" + id).then().statusCode(204);
            ConsumerRecord<String, String> erased = probe.await(
                    KafkaProbe.type(UserEventData.Types.ERASED).and(KafkaProbe.subject(id)), 1, WAIT).get(0);
            UserEventData d = data(erased);
            assertTrue(d.deleted());
            assertNull(d.username());
            assertFalse(erased.value().contains(username), erased.value());
            assertFalse(erased.value().contains("Life Cycle"), erased.value());

            // Events of one user keep their order (same key, same partition).
            List<String> order = probe.await(KafkaProbe.subject(id), 5, WAIT).stream()
                    .map(r -> KafkaProbe.header(r, CloudEvents.TYPE)).toList();
            assertEquals(List.of(UserEventData.Types.CREATED, UserEventData.Types.UPDATED, UserEventData.Types.BANNED,
                    UserEventData.Types.UNBANNED, UserEventData.Types.ERASED), order);

            // Deleted: gone from reads, cannot log in, and the username is free again.
            as(su).get("/api/v1/users/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            Api.login(username, "An0ther-Passphrase").then().statusCode(401);
            as(su).delete("/api/v1/admin/users/" + id).then().statusCode(404);
            Api.createUser(username, "player");
        }
    }

    @Test
    void usernamesAreUniqueCaseInsensitivelyAndFollowTheRule() {
        String su = Api.superuserToken();
        String username = Api.uniqueName("Taken");
        Api.createUser(username, "player");
        as(su).body(Map.of("username", username.toLowerCase(), "password", Api.PASSWORD, "roles", List.of("player")))
                .post("/api/v1/admin/users").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("NAME_TAKEN"));
        for (String bad : List.of("a", "x".repeat(21), "has space", "élan", "semi;colon", "' OR 1=1 --")) {
            as(su).body(Map.of("username", bad, "password", Api.PASSWORD, "roles", List.of("player")))
                    .post("/api/v1/admin/users").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"))
                    .body("errors.field", hasItem("username"));
        }
    }

    @Test
    void thePasswordPolicyRefusesShortCommonAndUsernamePasswords() {
        String su = Api.superuserToken();
        String username = Api.uniqueName("policy");
        for (String bad : List.of("short7!", "password123", "Qwertyuiop", username, username.toUpperCase(),
                "x".repeat(73))) {
            as(su).body(Map.of("username", username, "password", bad, "roles", List.of("player")))
                    .post("/api/v1/admin/users").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"))
                    .body("errors.field", hasItem("password"));
        }
        // Nothing was created along the way.
        Api.createUser(username, "player");
    }

    @Test
    void theListIsPaginatedAndFiltered() {
        String su = Api.superuserToken();
        String tag = Api.uniqueName("pg").replace("pg_", "");
        for (int i = 0; i < 3; i++) {
            Api.createUser("pg" + i + "_" + tag, "player", "gm");
        }
        String banned = Api.createUser("pgb_" + tag, "player");
        as(su).body(Map.of("reason", "x")).post("/api/v1/admin/users/" + banned + "/ban").then().statusCode(200);

        as(su).queryParam("q", tag).queryParam("per_page", 2).get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("per_page", equalTo(2))
                .body("pages", equalTo(2)).body("items.size()", equalTo(2));
        as(su).queryParam("q", tag).queryParam("page", 2).queryParam("per_page", 2).get("/api/v1/admin/users").then()
                .statusCode(200).body("items.size()", equalTo(2));
        as(su).queryParam("q", tag).queryParam("role", "gm").get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(3)).body("items.roles", everyItem(hasItem("gm")));
        as(su).queryParam("q", tag).queryParam("banned", "true").get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(banned));
        as(su).queryParam("per_page", 500).get("/api/v1/admin/users").then().statusCode(200)
                .body("per_page", equalTo(100));
        for (String[] bad : new String[][] {{"role", "wizard"}, {"banned", "maybe"}, {"page", "abc"},
                {"per_page", "1e9"}, {"q", "x".repeat(51)}}) {
            as(su).queryParam(bad[0], bad[1]).get("/api/v1/admin/users").then().statusCode(400)
                    .body("code", equalTo("VALIDATION_ERROR"));
        }
        // SQL-looking filters are plain text.
        as(su).queryParam("q", "%' OR '1'='1").get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAdminManagesOnlyUsersBelowAndGrantsOnlyRolesBelow() {
        Api.Account admin = Api.account("adm", "player", "admin");
        String otherAdmin = Api.createUser(Api.uniqueName("adm2"), "player", "admin");
        String player = Api.createUser(Api.uniqueName("pl"), "player");

        // Promote to gm: fine. Promote to admin or superuser: 403, nothing changes.
        as(admin.token()).body(Map.of("roles", List.of("player", "gm"))).patch("/api/v1/admin/users/" + player)
                .then().statusCode(200).body("roles", contains("player", "gm"));
        for (String role : List.of("admin", "superuser")) {
            as(admin.token()).body(Map.of("roles", List.of("player", role))).patch("/api/v1/admin/users/" + player)
                    .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        as(admin.token()).body(Map.of("username", Api.uniqueName("mk"), "password", Api.PASSWORD,
                "roles", List.of("admin"))).post("/api/v1/admin/users").then().statusCode(403);
        as(admin.token()).get("/api/v1/admin/users/" + player).then().statusCode(200)
                .body("roles", contains("player", "gm"));

        // Another admin is not below: no ban, no patch, no unban.
        as(admin.token()).body(Map.of("reason", "coup")).post("/api/v1/admin/users/" + otherAdmin + "/ban").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(admin.token()).body(Map.of("name", "Hijacked")).patch("/api/v1/admin/users/" + otherAdmin).then()
                .statusCode(403);
        as(admin.token()).get("/api/v1/admin/users/" + otherAdmin).then().statusCode(200)
                .body("banned", equalTo(false)).body("name", not(equalTo("Hijacked")));
        // Nor themselves, nor the superuser; and deleting is for superusers only.
        as(admin.token()).body(Map.of("reason", "x")).post("/api/v1/admin/users/" + admin.id() + "/ban").then()
                .statusCode(403);
        as(admin.token()).delete("/api/v1/admin/users/" + player).then().statusCode(403);

        // A player below can be banned and unbanned by the admin.
        as(admin.token()).body(Map.of("reason", "spam")).post("/api/v1/admin/users/" + player + "/ban").then()
                .statusCode(200).body("banned", equalTo(true));
        as(admin.token()).post("/api/v1/admin/users/" + player + "/unban").then().statusCode(200)
                .body("banned", equalTo(false));

        // The superuser manages everyone, admins included.
        as(Api.superuserToken()).body(Map.of("roles", List.of("player", "admin", "superuser")))
                .patch("/api/v1/admin/users/" + otherAdmin).then().statusCode(200)
                .body("roles", contains("player", "admin", "superuser"));
        as(Api.superuserToken()).body(Map.of("roles", List.of("player")))
                .patch("/api/v1/admin/users/" + otherAdmin).then().statusCode(200).body("roles", contains("player"));
    }

    @Test
    void aGmOrAPlayerCannotReachAdminEndpoints() {
        Api.Account gm = Api.account("gmx", "player", "gm");
        String player = Api.createUser(Api.uniqueName("victim"), "player");
        as(gm.token()).get("/api/v1/admin/users").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(gm.token()).body(Map.of("username", Api.uniqueName("n"), "password", Api.PASSWORD, "roles", List.of()))
                .post("/api/v1/admin/users").then().statusCode(403);
        as(gm.token()).body(Map.of("reason", "x")).post("/api/v1/admin/users/" + player + "/ban").then()
                .statusCode(403);
        as(gm.token()).body(Map.of("name", "x")).patch("/api/v1/admin/users/" + player).then().statusCode(403);
        as(gm.token()).delete("/api/v1/admin/users/" + player).then().statusCode(403);
        given().get("/api/v1/admin/users").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        as(Api.superuserToken()).get("/api/v1/admin/users/" + player).then().statusCode(200)
                .body("banned", equalTo(false)).body("name", not(equalTo("x")));
    }

    @Test
    void aDemotedAdminLosesAdminRightsBeforeTheirTokenExpires() {
        Api.Account admin = Api.account("demote", "player", "admin");
        as(admin.token()).get("/api/v1/admin/users").then().statusCode(200);
        as(Api.superuserToken()).body(Map.of("roles", List.of("player"))).patch("/api/v1/admin/users/" + admin.id())
                .then().statusCode(200);
        as(admin.token()).get("/api/v1/admin/users").then().statusCode(403);
    }

    @Test
    void notPlayerAsOfCanBeSetAndCleared() {
        String id = Api.createUser(Api.uniqueName("np"), "player");
        // Without an offset: read in the community's zone (Europe/Paris, +01:00 in January).
        String set = as(Api.superuserToken()).body(Map.of("not_player_as_of", "2026-01-15T10:00:00"))
                .patch("/api/v1/admin/users/" + id).then().statusCode(200).extract().path("not_player_as_of");
        assertEquals(java.time.OffsetDateTime.parse("2026-01-15T10:00:00+01:00").toInstant(),
                java.time.OffsetDateTime.parse(set).toInstant());
        as(Api.superuserToken()).body("{\"not_player_as_of\":null}").patch("/api/v1/admin/users/" + id)
                .then().statusCode(200).body("not_player_as_of", nullValue());
        as(Api.superuserToken()).body(Map.of("not_player_as_of", "2026-01-15T10:00:00+01:00"))
                .patch("/api/v1/admin/users/" + id).then().statusCode(200);
        as(Api.superuserToken()).body("{\"not_player_as_of\":null}").patch("/api/v1/admin/users/" + id)
                .then().statusCode(200).body("not_player_as_of", nullValue());
        as(Api.superuserToken()).body(Map.of("not_player_as_of", "yesterday")).patch("/api/v1/admin/users/" + id)
                .then().statusCode(400).body("errors.field", hasItem("not_player_as_of"));
        as(Api.superuserToken()).get("/api/v1/admin/users/" + id).then().statusCode(200)
                .body("not_player_as_of", nullValue());
    }
}
