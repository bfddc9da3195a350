package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.games.Api.Event;
import club.questmaster.games.Api.User;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seat-taking under concurrency: N simultaneous requests for K free seats give exactly K successes. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentRegistrationTest {

    static final int GAMES = 20;
    static final int SEATS = 4;
    static final int PLAYERS = 200;

    @Test
    void twoHundredSimultaneousRegistrationsOnTwentyGamesOfFourSeatsGiveExactlyEightySuccesses() throws Exception {
        long systemId = Api.system();
        User gm = Api.gm("rush");
        List<String> slugs = new ArrayList<>();
        Set<String> gameIds = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < GAMES; i++) {
            Map<String, Object> body = gameBody(unique("Rush"), systemId);
            body.put("party_size", SEATS);
            var game = Api.publishedGame(gm, body);
            slugs.add(game.get("slug").asText());
            gameIds.add(game.get("id").asText());
        }
        List<User> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(Api.player("p" + i));
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> successesPerGame = new ConcurrentHashMap<>();
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(100);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                User player = players.get(i);
                String slug = slugs.get(i % GAMES);
                done.add(pool.submit(() -> {
                    start.await();
                    int status = player.as().post("/api/v1/games/" + slug + "/registrations").then().extract()
                            .statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 201) {
                        successesPerGame.merge(slug, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            System.out.printf("%d simultaneous registrations answered in %d ms%n", PLAYERS,
                    (System.nanoTime() - began) / 1_000_000);
            pool.shutdown();

            assertThat(statuses).containsOnlyKeys(201, 409);
            assertThat(statuses.get(201)).isEqualTo(GAMES * SEATS);
            assertThat(statuses.get(409)).isEqualTo(PLAYERS - GAMES * SEATS);
            assertThat(successesPerGame.values()).hasSize(GAMES).allMatch(n -> n == SEATS);
            for (String slug : slugs) {
                io.restassured.RestAssured.given().get("/api/v1/games/" + slug).then()
                        .body("status", org.hamcrest.Matchers.equalTo("closed"))
                        .body("player_ids.size()", org.hamcrest.Matchers.equalTo(SEATS));
            }

            var ours = (java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>)
                    r -> gameIds.contains(r.key());
            probe.await(ours.and(KafkaProbe.type(Types.PLAYER_REGISTERED)), GAMES * SEATS, Duration.ofSeconds(60));
            probe.await(ours.and(KafkaProbe.type(Types.CLOSED)), GAMES, Duration.ofSeconds(60));
            List<Event> events = probe.drain(Duration.ofSeconds(1)).stream().filter(ours).map(Api::event).toList();
            assertThat(events.stream().filter(e -> e.type().equals(Types.PLAYER_REGISTERED))).hasSize(GAMES * SEATS);
            assertThat(events.stream().filter(e -> e.type().equals(Types.CLOSED))).hasSize(GAMES);
            assertThat(events).allMatch(e -> e.type().equals(Types.PLAYER_REGISTERED) || e.type().equals(Types.CLOSED));
            // Per game, in commit order: four registrations, then the automatic close naming all four.
            Map<String, List<Event>> byGame = events.stream().collect(Collectors.groupingBy(e -> e.record().key()));
            for (List<Event> game : byGame.values()) {
                assertThat(game).extracting(Event::type).containsExactly(Types.PLAYER_REGISTERED,
                        Types.PLAYER_REGISTERED, Types.PLAYER_REGISTERED, Types.PLAYER_REGISTERED, Types.CLOSED);
                for (int i = 0; i < SEATS; i++) {
                    assertThat(game.get(i).data().get("player_ids").size()).isEqualTo(i + 1);
                }
                assertThat(game.get(SEATS).userId()).isNull();
            }
        }
    }
}
