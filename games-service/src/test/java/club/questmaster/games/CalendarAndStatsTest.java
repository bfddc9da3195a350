package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar JSON, the iCalendar feed and the monthly stats, all over non-draft games only. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class CalendarAndStatsTest {

    /** A date far from other tests' games so the month and ranges hold only this test's sessions. */
    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(Api.PARIS);
    }

    private static java.time.Instant instant(JsonNode node) {
        return OffsetDateTime.parse(node.asText()).toInstant();
    }

    private static String published(User gm, long systemId, String type, ZonedDateTime date, double hours) {
        Map<String, Object> body = gameBody(unique(type.equals("oneshot") ? "Calendrier, OS; test" : "Campagne"),
                systemId);
        body.put("type", type);
        body.put("date", date.toOffsetDateTime().toString());
        body.put("session_length", hours);
        String slug = Api.createGame(gm, body).get("slug").asText();
        gm.as().body(Map.of("confirm_past_date", true)).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(200);
        return slug;
    }

    @Test
    void calendarEventsAreTheSessionsFullyInsideTheRangeWithTheOriginalsShapeAndClamp() {
        long systemId = Api.system();
        User gm = gm("calendar");
        String os = published(gm, systemId, "oneshot", at(2031, 3, 10, 20, 30), 3);
        String late = published(gm, systemId, "campaign", at(2031, 3, 12, 22, 0), 4);
        Api.createGame(gm, gameBody(unique("Draft"), systemId));
        String across = published(gm, systemId, "oneshot", at(2031, 3, 31, 20, 0), 3);

        JsonNode events = Api.json(given().queryParam("start", "2031-03-01").queryParam("end", "2031-03-31T22:59:00")
                .get("/api/v1/calendar/events").then().statusCode(200).extract().asString());
        assertThat(events.size()).isEqualTo(2);
        JsonNode first = events.get(0);
        assertThat(first.get("title").asText()).startsWith("Calendrier, OS; test");
        assertThat(first.get("color").asText()).isEqualTo("#75b798");
        assertThat(first.get("type").asText()).isEqualTo("oneshot");
        assertThat(first.get("game_slug").asText()).isEqualTo(os);
        assertThat(instant(first.get("start"))).isEqualTo(at(2031, 3, 10, 20, 30).toInstant());
        assertThat(instant(first.get("end"))).isEqualTo(at(2031, 3, 10, 23, 30).toInstant());
        JsonNode second = events.get(1);
        assertThat(second.get("color").asText()).isEqualTo("#0d6efd");
        assertThat(second.get("game_slug").asText()).isEqualTo(late);
        // 22:00 + 4 h ends past midnight: shown until 23:59:59 of the start day.
        assertThat(instant(second.get("end"))).isEqualTo(LocalDateTime.of(2031, 3, 12, 23, 59, 59).atZone(Api.PARIS)
                .toInstant());
        assertThat(second.has("id")).isTrue();

        given().get("/api/v1/calendar/events").then().statusCode(400);
        given().queryParam("start", "yesterday").queryParam("end", "2031-04-01").get("/api/v1/calendar/events")
                .then().statusCode(400);
        assertThat(across).isNotBlank();
    }

    @Test
    void theIcsFeedIsRfc5545() {
        long systemId = Api.system();
        User gm = gm("icsgm").known();
        String slug = published(gm, systemId, "oneshot", at(2032, 6, 5, 20, 30), 2.5);
        String longName = "Une très longue campagne aux noms à rallonge, pleine d'accents éèàù; et de virgules "
                + "pour tester le pliage des lignes";
        Map<String, Object> body = gameBody(longName, systemId);
        body.put("date", at(2032, 6, 6, 14, 0).toOffsetDateTime().toString());
        String second = Api.createGame(gm, body).get("slug").asText();
        gm.as().body(Map.of()).post("/api/v1/games/" + second + "/publish").then().statusCode(200);
        gm.as().body(Map.of("start", at(2032, 6, 13, 14, 0).toOffsetDateTime().toString(),
                "end", at(2032, 6, 13, 18, 0).toOffsetDateTime().toString()))
                .post("/api/v1/games/" + second + "/sessions").then().statusCode(201);
        Api.createGame(gm, gameBody(unique("Hidden draft"), systemId));

        // The gm's name comes from the users projection, fed asynchronously through Kafka.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            var response = given().queryParam("gm_id", gm.id()).get("/api/v1/calendar.ics").then().statusCode(200)
                    .extract().response();
            assertThat(response.contentType()).startsWith("text/calendar");
            String ics = new String(response.asByteArray(), StandardCharsets.UTF_8);
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
            assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
            for (String line : ics.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            }
            assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
            String unfolded = ics.replace("\r\n ", "");
            assertThat(unfolded).contains("UID:session-").contains("DTSTAMP:").contains("DTSTART:20320605T183000Z")
                    .contains("DTEND:20320605T210000Z")
                    .contains("URL:https://questmaster.club-jdr.fr/annonces/" + slug + "/");
            assertThat(unfolded).contains("SUMMARY:Une très longue campagne aux noms à rallonge\\, pleine d'accents "
                    + "éèàù\\; et de virgules pour tester le pliage des lignes par " + gm.username() + " #2");
            assertThat(unfolded).contains("DESCRIPTION:One-shot - " + gm.username());
            assertThat(unfolded).doesNotContain("Hidden draft");
        });
        String byGame = given().queryParam("game", slug).get("/api/v1/calendar.ics").then().statusCode(200)
                .extract().asString();
        assertThat(byGame.split("BEGIN:VEVENT", -1)).hasSize(2);
        User p = Api.player("icsplayer");
        p.as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
        String byPlayer = given().queryParam("player_id", p.id()).get("/api/v1/calendar.ics").then().statusCode(200)
                .extract().asString();
        assertThat(byPlayer.split("BEGIN:VEVENT", -1)).hasSize(2);
        given().get("/api/v1/calendar.ics").then().statusCode(400);
    }

    @Test
    void monthlyStatsCountSessionsFullyInsideTheMonthWithoutDraftsWithTheGmLeaderboard() {
        long systemId = Api.system();
        String systemName = given().get("/api/v1/systems/" + systemId).then().extract().path("name");
        User gm1 = gm("statsgm1").known();
        User gm2 = gm("statsgm2").known();
        String os = published(gm1, systemId, "oneshot", at(2033, 2, 10, 20, 0), 3);
        String campaign = published(gm1, systemId, "campaign", at(2033, 2, 3, 20, 0), 3);
        gm1.as().body(Map.of("start", at(2033, 2, 17, 20, 0).toOffsetDateTime().toString(),
                "end", at(2033, 2, 17, 23, 0).toOffsetDateTime().toString()))
                .post("/api/v1/games/" + campaign + "/sessions").then().statusCode(201);
        published(gm2, systemId, "oneshot", at(2033, 2, 20, 20, 0), 2);
        published(gm2, systemId, "oneshot", at(2033, 2, 28, 23, 0), 2); // ends in March: not counted
        Api.createGame(gm2, gameBody(unique("Draft"), systemId));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stats = Api.json(given().queryParam("year", 2033).queryParam("month", 2).get("/api/v1/stats")
                    .then().statusCode(200).extract().asString());
            assertThat(stats.get("counts").get("oneshot").asInt()).isEqualTo(2);
            assertThat(stats.get("counts").get("campaign").asInt()).isEqualTo(2);
            assertThat(stats.get("counts").get("total").asInt()).isEqualTo(4);
            assertThat(instant(stats.get("period").get("start"))).isEqualTo(at(2033, 2, 1, 0, 0).toInstant());
            assertThat(instant(stats.get("period").get("end"))).isEqualTo(LocalDateTime.of(2033, 2, 28, 23, 59, 59)
                    .atZone(Api.PARIS).toInstant());
            JsonNode game = stats.get("campaign_games").get(systemName).get(campaign);
            assertThat(game.get("count").asInt()).isEqualTo(2);
            assertThat(game.get("gm").asText()).isEqualTo(gm1.username());
            assertThat(stats.get("oneshot_games").get(systemName).get(os).get("count").asInt()).isEqualTo(1);
            assertThat(stats.get("gm_leaderboard").get(0).get("name").asText()).isEqualTo(gm1.username());
            assertThat(stats.get("gm_leaderboard").get(0).get("count").asInt()).isEqualTo(3);
            assertThat(stats.get("gm_leaderboard").get(1).get("count").asInt()).isEqualTo(1);
        });
        given().queryParam("year", 2033).queryParam("month", 13).get("/api/v1/stats").then().statusCode(400);
        given().get("/api/v1/stats").then().statusCode(200).body("month", equalTo(LocalDate.now(Api.PARIS)
                .getMonthValue()));
        assertThat(OffsetDateTime.now()).isNotNull();
    }
}
