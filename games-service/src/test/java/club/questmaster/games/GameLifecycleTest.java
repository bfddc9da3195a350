package club.questmaster.games;

import static club.questmaster.games.Api.createGame;
import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.inDays;
import static club.questmaster.games.Api.json;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import club.questmaster.games.Api.Event;
import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creation, slugs, edition and the lifecycle state machine, with their events (contract §3,
 * docs/original-rules.md#lifecycle, #slugs).
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GameLifecycleTest {

    KafkaProbe probe;
    long systemId;

    @BeforeEach
    void open() {
        probe = KafkaProbe.open(Topics.GAME_EVENTS);
        systemId = system();
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aGmCreatesADraftWithEveryFieldAndACreatedEvent() {
        User gm = gm("jadow");
        Map<String, Object> body = gameBody(unique("Les Masques"), systemId);
        JsonNode game = createGame(gm, body);
        assertThat(game.get("status").asText()).isEqualTo("draft");
        assertThat(game.get("gm_id").asText()).isEqualTo(gm.id());
        assertThat(game.get("type").asText()).isEqualTo("oneshot");
        assertThat(game.get("restriction").asText()).isEqualTo("16+");
        assertThat(game.get("restriction_tags").asText()).isEqualTo("gore, phobies");
        assertThat(game.get("party_size").asInt()).isEqualTo(4);
        assertThat(game.get("session_length").asDouble()).isEqualTo(3.5);
        assertThat(game.get("classification").get("horror").asInt()).isEqualTo(2);
        assertThat(game.get("ambience").toString()).isEqualTo("[\"serious\",\"epic\"]");
        assertThat(game.get("player_ids").size()).isZero();
        assertThat(game.get("sessions").size()).isZero();
        assertThat(game.has("special_event_id")).isTrue();
        assertThat(OffsetDateTime.parse(game.get("date").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(body.get("date").toString()).toInstant());

        List<Event> events = events(probe, game.get("id").asLong(), 1);
        Event created = events.get(0);
        assertThat(created.type()).isEqualTo(Types.CREATED);
        assertThat(created.action()).isEqualTo("create");
        assertThat(created.description()).isEqualTo("Annonce créée avec le statut draft.");
        assertThat(created.userId()).isEqualTo(gm.id());
        assertThat(created.data().get("game_slug").asText()).isEqualTo(game.get("slug").asText());
        assertThat(created.data().get("schema_version").asInt()).isEqualTo(1);
        assertThat(KafkaProbe.header(created.record(), "ce_source")).isEqualTo("/questmaster/games-service");
        assertThat(created.record().key()).isEqualTo(game.get("id").asText());
    }

    @Test
    void slugIsNameParGmUsernameTransliteratedWithASuffixOnCollision() {
        User notsag = gm("notsag" + System.nanoTime() % 100000);
        String suffix = notsag.username();
        JsonNode first = createGame(notsag, gameBody("La Nécropole", systemId));
        JsonNode second = createGame(notsag, gameBody("La Nécropole", systemId));
        JsonNode third = createGame(notsag, gameBody("La  Nécropole!", systemId));
        assertThat(first.get("slug").asText()).isEqualTo("la-necropole-par-" + suffix);
        assertThat(second.get("slug").asText()).isEqualTo("la-necropole-par-" + suffix + "-2");
        assertThat(third.get("slug").asText()).isEqualTo("la-necropole-par-" + suffix + "-3");
        JsonNode masques = createGame(notsag, gameBody("Les Masques de Nyarlathotep", systemId));
        assertThat(masques.get("slug").asText()).isEqualTo("les-masques-de-nyarlathotep-par-" + suffix);
        JsonNode longName = createGame(notsag, gameBody("Ω".repeat(3) + "x".repeat(200), systemId));
        assertThat(longName.get("slug").asText()).hasSizeLessThanOrEqualTo(90).startsWith("xxxx");
        JsonNode longAgain = createGame(notsag, gameBody("Ω".repeat(3) + "x".repeat(200), systemId));
        assertThat(longAgain.get("slug").asText()).hasSizeLessThanOrEqualTo(90).endsWith("-2");
    }

    @Test
    void theNotsagExampleOfTheOriginal() {
        // The original's own test data: "La Nécropole" by notsag, then a second one.
        User notsag = gm("notsag");
        String first = createGame(notsag, gameBody("La Nécropole", systemId)).get("slug").asText();
        String second = createGame(notsag, gameBody("La Nécropole", systemId)).get("slug").asText();
        assertThat(first).startsWith("la-necropole-par-notsag");
        assertThat(second).startsWith("la-necropole-par-notsag-");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void renamingADraftRegeneratesTheSlugASameNameRenameKeepsItAndAPublishedGameKeepsIt() {
        User gm = gm("renamer" + System.nanoTime() % 100000);
        String name = unique("Draft");
        JsonNode game = createGame(gm, gameBody(name, systemId));
        String slug = game.get("slug").asText();
        gm.as().body(Map.of("name", name)).patch("/api/v1/games/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug));
        String renamed = gm.as().body(Map.of("name", "Autre Nom")).patch("/api/v1/games/" + slug).then()
                .statusCode(200).body("name", equalTo("Autre Nom")).extract().path("slug");
        assertThat(renamed).isEqualTo("autre-nom-par-" + gm.username());
        gm.as().get("/api/v1/games/" + slug).then().statusCode(404);

        gm.as().body(Map.of()).post("/api/v1/games/" + renamed + "/publish").then().statusCode(200);
        gm.as().body(Map.of("description", "Nouvelle description")).patch("/api/v1/games/" + renamed).then()
                .statusCode(200).body("slug", equalTo(renamed)).body("description", equalTo("Nouvelle description"));
        gm.as().body(Map.of("name", "Encore un autre")).patch("/api/v1/games/" + renamed).then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        gm.as().body(Map.of("type", "campaign")).patch("/api/v1/games/" + renamed).then().statusCode(409);
        gm.as().get("/api/v1/games/" + renamed).then().statusCode(200).body("name", equalTo("Autre Nom"));

        List<Event> events = events(probe, game.get("id").asLong(), 5);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.UPDATED, Types.UPDATED,
                Types.PUBLISHED, Types.UPDATED);
        assertThat(events.get(1).description()).isEqualTo("Le contenu de l'annonce a été édité.");
        assertThat(events.get(2).data().get("game_slug").asText()).isEqualTo(renamed);
    }

    @Test
    void publishOpensCreatesTheFirstSessionAndRefusesASecondPublish() {
        User gm = gm("publisher");
        JsonNode game = createGame(gm, gameBody(unique("Pub"), systemId));
        String slug = game.get("slug").asText();
        JsonNode published = json(gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(200).body("status", equalTo("open")).body("sessions", hasSize(1)).extract().asString());
        OffsetDateTime start = OffsetDateTime.parse(published.get("sessions").get(0).get("start").asText());
        OffsetDateTime end = OffsetDateTime.parse(published.get("sessions").get(0).get("end").asText());
        assertThat(start.toInstant()).isEqualTo(OffsetDateTime.parse(published.get("date").asText()).toInstant());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(210));

        gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(409)
                .body("code", equalTo("ALREADY_PUBLISHED"));

        List<Event> events = events(probe, game.get("id").asLong(), 2);
        assertThat(events.get(1).type()).isEqualTo(Types.PUBLISHED);
        assertThat(events.get(1).action()).isEqualTo("edit");
        assertThat(events.get(1).description()).isEqualTo("L'annonce a été publiée et ouverte.");
        assertThat(events.get(1).data().get("status").asText()).isEqualTo("open");
        assertThat(events.get(1).data().get("session").get("id").asText())
                .isEqualTo(published.get("sessions").get(0).get("id").asText());
        assertNoMoreEvents(game.get("id").asLong(), 2);
    }

    @Test
    void aSilentPublishGivesAClosedGame() {
        User gm = gm("silent");
        JsonNode game = createGame(gm, gameBody(unique("Silent"), systemId));
        gm.as().body(Map.of("silent", true)).post("/api/v1/games/" + game.get("slug").asText() + "/publish").then()
                .statusCode(200).body("status", equalTo("closed"));
        Event published = events(probe, game.get("id").asLong(), 2).get(1);
        assertThat(published.description()).isEqualTo("L'annonce a été ouverte silencieusement.");
        assertThat(published.data().get("status").asText()).isEqualTo("closed");
    }

    @Test
    void aPastDateNeedsConfirmationAndLeavesTheDraftUntouched() {
        User gm = gm("pastdate");
        Map<String, Object> body = gameBody(unique("Past"), systemId);
        body.put("date", inDays(-2).toString());
        JsonNode game = createGame(gm, body);
        String slug = game.get("slug").asText();
        gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(409)
                .body("code", equalTo("PAST_DATE"));
        gm.as().get("/api/v1/games/" + slug).then().body("status", equalTo("draft")).body("sessions", hasSize(0));
        gm.as().body(Map.of("confirm_past_date", true)).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(200).body("status", equalTo("open"));
    }

    @Test
    void publishingAFullGameIsRefused() {
        User gm = gm("fullpub");
        User p = player("fullp").known();
        Map<String, Object> body = gameBody(unique("Full"), systemId);
        body.put("party_size", 1);
        String slug = createGame(gm, body).get("slug").asText();
        RegistrationTest.addWhenKnown(gm, slug, p.id());
        gm.as().body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(409)
                .body("code", equalTo("GAME_FULL"));
    }

    @Test
    void closeReopenArchiveFollowTheStateMachineWithTheOriginalsEvents() {
        User gm = gm("machine");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Machine"), systemId));
        String slug = game.get("slug").asText();
        String base = "/api/v1/games/" + slug;
        gm.as().post(base + "/reopen").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().post(base + "/close").then().statusCode(200).body("status", equalTo("closed"));
        gm.as().post(base + "/close").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().post(base + "/reopen").then().statusCode(200).body("status", equalTo("open"));
        gm.as().delete(base).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().body(Map.of("award_trophies", true)).post(base + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"));
        gm.as().body(Map.of("award_trophies", true)).post(base + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"));
        gm.as().post(base + "/reopen").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().post(base + "/close").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().body(Map.of()).post(base + "/publish").then().statusCode(409).body("code", equalTo("ALREADY_PUBLISHED"));

        List<Event> events = events(probe, game.get("id").asLong(), 6);
        assertThat(events).extracting(Event::type).containsExactly(Types.CREATED, Types.PUBLISHED, Types.CLOSED,
                Types.REOPENED, Types.ARCHIVED, Types.ARCHIVED);
        assertThat(events).extracting(Event::description).containsExactly("Annonce créée avec le statut draft.",
                "L'annonce a été publiée et ouverte.", "L'annonce a été fermée aux inscriptions.",
                "L'annonce a été ouverte aux inscriptions.", "L'annonce a été archivée.",
                "Annonce archivée. Badges distribués.");
        assertThat(events).extracting(Event::action).containsExactly("create", "edit", "edit", "edit", "edit",
                "delete");
        assertThat(events.get(5).data().get("award_trophies").asBoolean()).isTrue();
        assertThat(events.get(5).data().get("gm_id").asText()).isEqualTo(gm.id());
        assertThat(events.get(5).data().get("status").asText()).isEqualTo("archived");
        assertNoMoreEvents(game.get("id").asLong(), 6);
    }

    @Test
    void archivingWithoutTrophiesSaysSo() {
        User gm = gm("notrophy");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("NoTrophy"), systemId));
        gm.as().body(Map.of("award_trophies", false)).post("/api/v1/games/" + game.get("slug").asText() + "/archive")
                .then().statusCode(200);
        Event last = events(probe, game.get("id").asLong(), 4).get(3);
        assertThat(last.description()).isEqualTo("Annonce archivée. Badges non-distribués.");
        assertThat(last.data().get("award_trophies").asBoolean()).isFalse();
    }

    @Test
    void aDraftCanBeDeletedAndADraftCannotBeArchived() {
        User gm = gm("deleter");
        JsonNode game = createGame(gm, gameBody(unique("ToDelete"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        gm.as().post(base + "/archive").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().post(base + "/close").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().post(base + "/reopen").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        gm.as().delete(base).then().statusCode(204);
        gm.as().get(base).then().statusCode(404);
        List<Event> events = events(probe, game.get("id").asLong(), 2);
        assertThat(events.get(1).type()).isEqualTo(Types.DELETED);
        assertThat(events.get(1).action()).isEqualTo("delete");
        assertThat(events.get(1).userId()).isEqualTo(gm.id());
    }

    @Test
    void onlyTheGmOrAnAdminMayChangeAGame() {
        User gm = gm("owner");
        User other = gm("intruder");
        User p = player("someone");
        User admin = Api.admin("boss");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Owned"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        other.as().body(Map.of("description", "x")).patch(base).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        other.as().post(base + "/close").then().statusCode(403);
        p.as().post(base + "/archive").then().statusCode(403);
        other.as().delete(base).then().statusCode(403);
        given().contentType("application/json").body(Map.of("description", "x")).patch(base).then().statusCode(401);
        admin.as().post(base + "/close").then().statusCode(200);
        admin.as().body(Map.of("description", "par l'admin")).patch(base).then().statusCode(200);
        p.as().body(gameBody(unique("Player game"), systemId)).post("/api/v1/games").then().statusCode(403)
                .body("detail", equalTo("Vous devez être MJ pour poster une annonce."));
        given().contentType("application/json").body(gameBody(unique("Anon"), systemId)).post("/api/v1/games").then()
                .statusCode(401);
    }

    @Test
    void anAdminMayPostForAnotherGmButAGmMayNot() {
        User admin = Api.admin("admin2");
        User gm = gm("thegm").known();
        User other = gm("othergm");
        Map<String, Object> body = gameBody("Pour un autre", systemId);
        body.put("gm_id", gm.id());
        other.as().body(body).post("/api/v1/games").then().statusCode(403);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                admin.as().body(body).post("/api/v1/games").then().statusCode(201).body("gm_id", equalTo(gm.id()))
                        .body("slug", org.hamcrest.Matchers.startsWith("pour-un-autre-par-" + gm.username())));
    }

    @Test
    void draftsAreVisibleToTheirGmAndAdminsOnly() {
        User gm = gm("secret");
        JsonNode game = createGame(gm, gameBody(unique("Secret"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        gm.as().get(base).then().statusCode(200);
        Api.admin("seer").as().get(base).then().statusCode(200);
        gm("othergm").as().get(base).then().statusCode(404);
        given().get(base).then().statusCode(404);
    }

    @Test
    void invalidBodiesAreRefusedWith400AndChangeNothing() {
        User gm = gm("validator");
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("type", "larp"), Map.entry("restriction", "12+"), Map.entry("xp", "experts"),
                Map.entry("frequency", "daily"), Map.entry("characters", "none"), Map.entry("ambience", List.of("gore")),
                Map.entry("party_size", 0), Map.entry("session_length", 0.25), Map.entry("session_length", 2.25),
                Map.entry("session_length", 25), Map.entry("img", "javascript:alert(1)"), Map.entry("img", "ftp://x/y"),
                Map.entry("name", ""), Map.entry("name", "x".repeat(256)), Map.entry("description", " "),
                Map.entry("classification", Map.of("action", 1)),
                Map.entry("classification", Map.of("action", 1, "investigation", 2, "interaction", 1, "horror", 3)),
                Map.entry("classification", Map.of("action", 1, "investigation", 2, "interaction", 1, "horror", 1,
                        "romance", 0)),
                Map.entry("system_id", 999_999_999), Map.entry("vtt_id", 999_999_999),
                Map.entry("unknown_field", "x"))) {
            Map<String, Object> body = gameBody(unique("Bad"), systemId);
            body.put(bad.getKey(), bad.getValue());
            gm.as().body(body).post("/api/v1/games").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
        }
        for (String required : List.of("name", "type", "system_id", "description", "date", "session_length")) {
            Map<String, Object> body = gameBody(unique("Missing"), systemId);
            body.remove(required);
            gm.as().body(body).post("/api/v1/games").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        }
        Map<String, Object> empty = gameBody(unique("EmptyClassification"), systemId);
        empty.put("classification", Map.of());
        gm.as().body(empty).post("/api/v1/games").then().statusCode(201).body("classification", nullValue());

        JsonNode game = createGame(gm, gameBody(unique("Patched"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        gm.as().body(Map.of("party_size", 0)).patch(base).then().statusCode(400);
        gm.as().body(Map.of("status", "open")).patch(base).then().statusCode(400);
        gm.as().body(Map.of("classification", Map.of("horror", 2))).patch(base).then().statusCode(400);
        gm.as().get(base).then().body("party_size", equalTo(4)).body("status", equalTo("draft"));
        assertNoMoreEvents(game.get("id").asLong(), 1);
    }

    @Test
    void anExplicitNullForTheGmOrAnotherFieldEveryGameHasIsA400NamingTheField() {
        User gm = gm("nulls");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Nulls"), systemId));
        String base = "/api/v1/games/" + game.get("slug").asText();
        HashMap<String, Object> nullGm = new HashMap<>();
        nullGm.put("gm_id", null);
        gm.as().body(nullGm).patch(base).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("gm_id"));
        HashMap<String, Object> nullSize = new HashMap<>();
        nullSize.put("party_size", null);
        nullSize.put("vtt_id", null);
        gm.as().body(nullSize).patch(base).then().statusCode(400).body("errors.field", equalTo(List.of("party_size")));
        gm.as().get(base).then().body("gm_id", equalTo(gm.id())).body("party_size", equalTo(4));
        assertNoMoreEvents(game.get("id").asLong(), 2);
    }

    private void assertNoMoreEvents(long gameId, int expected) {
        long count = probe.drain(Duration.ofMillis(500)).stream()
                .filter(KafkaProbe.subject(Long.toString(gameId))).count();
        assertThat(count).isEqualTo(expected);
    }
}
