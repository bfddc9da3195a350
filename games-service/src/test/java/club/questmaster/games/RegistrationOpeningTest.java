package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sign-up opening (contract §7): before {@code registration_opens_at} a registration is 409 REGISTRATION_NOT_OPEN;
 * at the opening second a burst of 100 for 5 seats gives exactly 5, and the 95 others, asking for the queue, are
 * queued in a strict order with no gap and no duplicate.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RegistrationOpeningTest {

    static final int SEATS = 5;
    static final int PLAYERS = 100;

    @Test
    void beforeTheOpeningAPlayerIsRefusedWithTheTimeButTheGmsOwnAddBypassesIt() {
        User gm = Api.gm("ouverture");
        User early = Api.player("tot").known();
        OffsetDateTime opensAt = OffsetDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = gameBody(unique("Pas encore"), Api.system());
        body.put("registration_opens_at", opensAt.toString());
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            JsonNode game = Api.publishedGame(gm, body);
            String slug = game.get("slug").asText();
            String base = "/api/v1/games/" + slug;
            early.as().post(base + "/registrations").then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("REGISTRATION_NOT_OPEN"))
                    .body("detail", startsWith("Les inscriptions ouvrent le "));
            RegistrationTest.addWhenKnown(gm, slug, early.id());
            io.restassured.RestAssured.given().get(base).then().body("player_ids", org.hamcrest.Matchers.contains(
                    early.id())).body("seats_left", equalTo(3));

            // created, published, then only the gm's add: the refused registration emitted nothing.
            List<Api.Event> events = Api.events(probe, game.get("id").asLong(), 3);
            assertThat(events).extracting(Api.Event::type).containsExactly(Types.CREATED, Types.PUBLISHED,
                    Types.PLAYER_REGISTERED);
            assertThat(events.get(2).description()).isEqualTo("Le·a joueur·euse a été ajouté·e à la partie par le MJ.");
            assertThat(events.get(2).data().get("registration_opens_at").asText()).isNotEmpty();
            assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(game.get("id").asText()))
                    .count()).isEqualTo(3);
        }
    }

    @Test
    void aHundredAtTheOpeningSecondForFiveSeatsGiveFiveRegisteredAndNinetyFiveQueuedInStrictOrder()
            throws Exception {
        User gm = Api.gm("ouverture");
        OffsetDateTime opensAt = OffsetDateTime.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = gameBody(unique("Ouverture"), Api.system());
        body.put("party_size", SEATS);
        body.put("registration_opens_at", opensAt.toString());
        JsonNode game = Api.publishedGame(gm, body);
        String base = "/api/v1/games/" + game.get("slug").asText();
        assertThat(OffsetDateTime.parse(game.get("registration_opens_at").asText()).toInstant())
                .isEqualTo(opensAt.toInstant());
        List<User> players = IntStream.range(0, PLAYERS).mapToObj(i -> Api.player("o" + i)).toList();
        players.get(0).as().post(base + "/registrations").then().statusCode(409)
                .body("code", equalTo("REGISTRATION_NOT_OPEN")).body("detail", startsWith("Les inscriptions ouvrent le "));

        Map<String, Integer> registeredOrQueued = new ConcurrentHashMap<>(); // player → 0 (seated) or position
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
            List<Future<?>> done = new ArrayList<>();
            for (User player : players) {
                done.add(pool.submit(() -> {
                    long wait = Duration.between(OffsetDateTime.now(), opensAt).toMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    int status = player.as().post(base + "/registrations").then().extract().statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 201) {
                        registeredOrQueued.put(player.id(), 0);
                    } else if (status == 409) {
                        var queued = player.as().post(base + "/waitlist").then().statusCode(201).extract();
                        registeredOrQueued.put(player.id(), queued.<Integer>path("position"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            assertThat(statuses).containsOnly(Map.entry(201, SEATS), Map.entry(409, PLAYERS - SEATS));
            assertThat(registeredOrQueued).hasSize(PLAYERS);
            List<Integer> positions = registeredOrQueued.values().stream().filter(p -> p > 0).sorted().toList();
            assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, PLAYERS - SEATS).boxed().toList());
            // The gm's view is the same queue, in the same order the players were told.
            var queue = gm.as().get(base + "/waitlist").then().statusCode(200).extract().jsonPath();
            List<String> ids = queue.getList("user_id", String.class);
            List<Integer> listed = queue.getList("position", Integer.class);
            assertThat(listed).containsExactlyElementsOf(IntStream.rangeClosed(1, PLAYERS - SEATS).boxed().toList());
            for (int i = 0; i < ids.size(); i++) {
                assertThat(registeredOrQueued.get(ids.get(i))).isEqualTo(i + 1);
            }
            io.restassured.RestAssured.given().get(base).then().body("player_ids.size()", equalTo(SEATS))
                    .body("status", equalTo("closed")).body("waitlist_length", equalTo(PLAYERS - SEATS));

            var ours = KafkaProbe.subject(game.get("id").asText());
            probe.await(ours.and(KafkaProbe.type(Types.WAITLIST_JOINED)), PLAYERS - SEATS, Duration.ofSeconds(60));
            long registered = probe.drain(Duration.ofMillis(500)).stream().filter(ours)
                    .filter(KafkaProbe.type(Types.PLAYER_REGISTERED)).count();
            assertThat(registered).isEqualTo(SEATS);
        }
    }
}
