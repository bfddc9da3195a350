package club.questmaster.games;

import static club.questmaster.games.Api.events;
import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import club.questmaster.games.Api.Event;
import club.questmaster.games.Api.User;
import club.questmaster.games.seat.SeatSweeps;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist (contract §7): the queue, offers that hold a freed seat for {@code waitlist_offer_hours} (an "hour"
 * is {@code questmaster.games.seats.offer-hour}, 2 s in tests), accept and decline, expiry by the sweep.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistTest {

    @Inject
    SeatSweeps sweeps;

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

    /** A published game of {@code seats} seats, full with {@code seats} registered players. */
    private JsonNode fullGame(User gm, int seats, int offerHours) {
        Map<String, Object> body = gameBody(unique("Attente"), systemId);
        body.put("party_size", seats);
        body.put("waitlist_offer_hours", offerHours);
        JsonNode game = Api.publishedGame(gm, body);
        for (int i = 0; i < seats; i++) {
            player("seated" + i).as().post(base(game) + "/registrations").then().statusCode(201);
        }
        return game;
    }

    private static String base(JsonNode game) {
        return "/api/v1/games/" + game.get("slug").asText();
    }

    private List<Event> allEvents(JsonNode game) {
        return probe.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(game.get("id").asText()))
                .map(Api::event).toList();
    }

    @Test
    void playersQueueOnAFullGameInOrderSeeTheirPlaceAndTheGmSeesTheQueue() {
        User gm = gm("mj");
        User bob = player("bob");
        User carol = player("carol");
        JsonNode game = fullGame(gm, 1, 24);
        String base = base(game);
        bob.as().post(base + "/waitlist").then().statusCode(201).body("position", equalTo(1))
                .body("status", equalTo("waiting"));
        carol.as().post(base + "/waitlist").then().statusCode(201).body("position", equalTo(2));
        bob.as().post(base + "/waitlist").then().statusCode(409).body("code", equalTo("DUPLICATE_REGISTRATION"));
        gm.as().post(base + "/waitlist").then().statusCode(403);
        given().get(base).then().body("waitlist_length", equalTo(2)).body("seats_left", equalTo(0));

        gm.as().get(base + "/waitlist").then().statusCode(200).body("user_id", contains(bob.id(), carol.id()))
                .body("position", contains(1, 2)).body("status", contains("waiting", "waiting"));
        carol.as().get(base + "/waitlist").then().statusCode(200).body("user_id", contains(carol.id()))
                .body("position", contains(2));
        player("dave").as().get(base + "/waitlist").then().statusCode(404);
        given().get(base + "/waitlist").then().statusCode(401);

        bob.as().delete(base + "/waitlist/me").then().statusCode(204);
        bob.as().delete(base + "/waitlist/me").then().statusCode(404);
        carol.as().get(base + "/waitlist").then().body("position", contains(1));

        List<Event> events = events(probe, game.get("id").asLong(), 7);
        assertThat(events.subList(4, 7)).extracting(Event::type).containsExactly(Types.WAITLIST_JOINED,
                Types.WAITLIST_JOINED, Types.WAITLIST_LEFT);
        assertThat(events.subList(4, 7)).extracting(Event::action).containsOnly("waitlist");
        assertThat(events.get(4).userId()).isEqualTo(bob.id());
        assertThat(events.get(4).description()).isEqualTo("Le·a joueur·euse a rejoint la liste d'attente (position 1).");
        assertThat(events.get(5).data().get("waitlist_length").asInt()).isEqualTo(2);
        assertThat(events.get(6).description()).isEqualTo("Le·a joueur·euse a quitté la liste d'attente.");
    }

    @Test
    void theQueueIsOnlyForFullGamesWithAWaitlist() {
        User gm = gm("mj");
        Map<String, Object> body = gameBody(unique("Libre"), systemId);
        JsonNode free = Api.publishedGame(gm, body);
        player("eager").as().post(base(free) + "/waitlist").then().statusCode(409)
                .body("code", equalTo("WAITLIST_NOT_NEEDED"));
        body = gameBody(unique("Sans liste"), systemId);
        body.put("party_size", 1);
        body.put("waitlist_enabled", false);
        JsonNode noList = Api.publishedGame(gm, body);
        player("in").as().post(base(noList) + "/registrations").then().statusCode(201);
        player("late").as().post(base(noList) + "/waitlist").then().statusCode(409)
                .body("code", equalTo("GAME_CLOSED"));
        JsonNode full = fullGame(gm, 1, 24);
        gm.as().body(Map.of()).post(base(full) + "/archive").then().statusCode(200);
        player("after").as().post(base(full) + "/waitlist").then().statusCode(409)
                .body("code", equalTo("GAME_CLOSED"));
        gm.as().body(Map.of("waitlist_offer_hours", 169)).patch(base(free)).then().statusCode(400)
                .body("errors[0].field", equalTo("waitlist_offer_hours"));
    }

    @Test
    void aFreedSeatIsHeldForTheFirstInLineWhoDeclinesThenTheNextAccepts() {
        User gm = gm("mj");
        User bob = player("bob");
        User carol = player("carol");
        JsonNode game = fullGame(gm, 1, 24);
        String base = base(game);
        String seated = given().get(base).then().extract().path("player_ids[0]");
        bob.as().post(base + "/waitlist").then().statusCode(201);
        carol.as().post(base + "/waitlist").then().statusCode(201);
        carol.as().post(base + "/waitlist/me/accept").then().statusCode(409).body("code", equalTo("CONFLICT"));

        gm.as().delete(base + "/players/" + seated).then().statusCode(204);
        // The seat is held for bob: not free for a newcomer, the game stays closed.
        given().get(base).then().body("status", equalTo("closed")).body("seats_left", equalTo(0))
                .body("waitlist_length", equalTo(2));
        gm.as().get(base + "/waitlist").then().body("status", contains("offered", "waiting"))
                .body("offered_until[0]", notNullValue());
        player("newcomer").as().post(base + "/registrations").then().statusCode(409).body("code", equalTo("GAME_FULL"));

        bob.as().post(base + "/waitlist/me/decline").then().statusCode(204);
        carol.as().post(base + "/waitlist/me/accept").then().statusCode(201).body("player_ids", contains(carol.id()))
                .body("status", equalTo("closed")).body("waitlist_length", equalTo(0));

        List<Event> events = events(probe, game.get("id").asLong(), 11);
        assertThat(events.subList(6, 11)).extracting(Event::type).containsExactly(Types.PLAYER_UNREGISTERED,
                Types.WAITLIST_OFFERED, Types.WAITLIST_LEFT, Types.WAITLIST_OFFERED, Types.PLAYER_REGISTERED);
        assertThat(events.get(7).userId()).isEqualTo(bob.id());
        assertThat(events.get(7).description()).startsWith("Une place a été proposée au·à la joueur·euse jusqu'au ");
        assertThat(events.get(7).data().get("seats_left").asInt()).isZero();
        assertThat(events.get(8).description()).isEqualTo("Le·a joueur·euse a décliné la place proposée.");
        assertThat(events.get(9).userId()).isEqualTo(carol.id());
        assertThat(events.get(10).userId()).isEqualTo(carol.id());
        assertThat(events.get(10).action()).isEqualTo("register");
        assertThat(events.get(10).description()).isEqualTo("Le·a joueur·euse a été inscrit·e depuis la liste d'attente.");
    }

    @Test
    void withZeroOfferHoursTheFirstInLineIsRegisteredAtOnce() {
        User gm = gm("mj");
        User bob = player("bob");
        JsonNode game = fullGame(gm, 1, 0);
        String base = base(game);
        bob.as().post(base + "/waitlist").then().statusCode(201);
        gm.as().body(Map.of("party_size", 2)).patch(base).then().statusCode(200)
                .body("player_ids[1]", equalTo(bob.id())).body("waitlist_length", equalTo(0))
                .body("status", equalTo("closed"));
        List<Event> events = events(probe, game.get("id").asLong(), 7);
        assertThat(events.subList(5, 7)).extracting(Event::type).containsExactly(Types.UPDATED,
                Types.PLAYER_REGISTERED);
        assertThat(events.get(6).userId()).isEqualTo(bob.id());
        // Full again at 2/2: it was auto-closed and stays so, without another close event.
        assertThat(allEvents(game)).hasSize(7);
    }

    @Test
    void anOfferNotTakenInTimeExpiresAndPassesToTheNextWithinSixtySeconds() {
        User gm = gm("mj");
        User bob = player("bob");
        User carol = player("carol");
        JsonNode game = fullGame(gm, 1, 1); // one "hour" = 2 s in tests
        String base = base(game);
        bob.as().post(base + "/waitlist").then().statusCode(201);
        carol.as().post(base + "/waitlist").then().statusCode(201);
        String seated = given().get(base).then().extract().path("player_ids[0]");
        gm.as().delete(base + "/players/" + seated).then().statusCode(204);

        List<Event> events = events(probe, game.get("id").asLong(), 10);
        assertThat(events.subList(7, 10)).extracting(Event::type).containsExactly(Types.WAITLIST_OFFERED,
                Types.WAITLIST_EXPIRED, Types.WAITLIST_OFFERED);
        assertThat(events.get(8).userId()).isEqualTo(bob.id());
        assertThat(events.get(8).description()).isEqualTo("La place proposée au·à la joueur·euse a expiré.");
        assertThat(events.get(9).userId()).isEqualTo(carol.id());
        long offeredAt = events.get(7).record().timestamp();
        long rolledAt = events.get(9).record().timestamp();
        assertThat(rolledAt - offeredAt).as("expired and rolled within 60 s of offered_until")
                .isLessThan(Duration.ofSeconds(2 + 60).toMillis());
        bob.as().post(base + "/waitlist/me/accept").then().statusCode(404);
    }

    @Test
    void aFreedSeatUnderFiftySimultaneousJoinsAndOneLeaveIsOfferedToExactlyOnePlayer() throws Exception {
        User gm = gm("mj");
        User first = player("first");
        JsonNode game = fullGame(gm, 1, 24);
        String base = base(game);
        first.as().post(base + "/waitlist").then().statusCode(201);
        String seated = given().get(base).then().extract().path("player_ids[0]");

        List<User> joiners = IntStream.range(0, 50).mapToObj(i -> player("j" + i)).toList();
        Map<Integer, Integer> positions = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(51);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (User joiner : joiners) {
            done.add(pool.submit(() -> {
                start.await();
                var answer = joiner.as().post(base + "/waitlist").then().extract();
                if (answer.statusCode() == 201) {
                    positions.merge(answer.<Integer>path("position"), 1, Integer::sum);
                }
                return answer.statusCode();
            }));
        }
        done.add(pool.submit(() -> {
            start.await();
            return gm.as().delete(base + "/players/" + seated).then().extract().statusCode();
        }));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : done) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses.subList(0, 50)).containsOnly(201);
        assertThat(statuses.get(50)).isEqualTo(204);
        assertThat(positions.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 51).boxed()
                .toList());
        assertThat(positions.values()).containsOnly(1);
        gm.as().get(base + "/waitlist").then().body("status[0]", equalTo("offered"))
                .body("user_id[0]", equalTo(first.id())).body("findAll { it.status == 'offered' }.size()",
                        equalTo(1));
        events(probe, game.get("id").asLong(), 4 + 1 + 50 + 2);
        List<Event> offers = allEvents(game).stream().filter(e -> e.type().equals(Types.WAITLIST_OFFERED)).toList();
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).userId()).isEqualTo(first.id());
    }

    @Test
    void twoSweepsRunningAtOnceOnOneDatabaseNeverExpireOrOfferTwice() throws Exception {
        User gm = gm("mj");
        List<JsonNode> games = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode game = fullGame(gm, 1, 1);
            player("w" + i + "a").as().post(base(game) + "/waitlist").then().statusCode(201);
            player("w" + i + "b").as().post(base(game) + "/waitlist").then().statusCode(201);
            games.add(game);
        }
        for (JsonNode game : games) {
            String seated = given().get(base(game)).then().extract().path("player_ids[0]");
            gm.as().delete(base(game) + "/players/" + seated).then().statusCode(204);
        }
        // Each replica's scheduler sweeps every second; two more sweeps race with it here, on their own connections.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        List<Future<?>> racing = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            racing.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> sweeps.expireOffers());
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : racing) {
            f.get();
        }
        pool.shutdown();

        for (JsonNode game : games) {
            events(probe, game.get("id").asLong(), 4 + 2 + 1 + 3);
        }
        Thread.sleep(3000); // the second offers expire too: still once each
        List<Event> all = probe.drain(Duration.ofMillis(500)).stream().map(Api::event).toList();
        for (JsonNode game : games) {
            List<Event> mine = all.stream().filter(e -> e.record().key().equals(game.get("id").asText())).toList();
            Set<String> expiredPlayers = new HashSet<>();
            mine.stream().filter(e -> e.type().equals(Types.WAITLIST_EXPIRED)).forEach(e ->
                    assertThat(expiredPlayers.add(e.userId())).as("expired once").isTrue());
            Map<String, Long> offersPerPlayer = new HashMap<>();
            mine.stream().filter(e -> e.type().equals(Types.WAITLIST_OFFERED))
                    .forEach(e -> offersPerPlayer.merge(e.userId(), 1L, Long::sum));
            assertThat(offersPerPlayer.values()).as("each player offered once").containsOnly(1L);
            assertThat(expiredPlayers).hasSizeGreaterThanOrEqualTo(1);
        }
    }
}
