package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.games.Api.User;
import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Contract §6 "Concurrency", proven with a reactive pool of TWO connections: a request that holds its session's
 * connection while asking the pool for a second one deadlocks as soon as two such requests hold both connections,
 * which 100 concurrent requests always do, so they wait until the pool's 30 s acquisition timeout and this test
 * fails: 100 concurrent anonymous requests on every read endpoint must all answer, none 5xx, within 5 s. (Two, not
 * one: one connection would catch the mistake on a single request too, but serialises every query of the burst,
 * which a loaded build machine cannot always finish in 5 s.) docs/database-access.md says how to touch the
 * database so this holds.
 */
@QuarkusTest
@TestProfile(FewConnectionsReadsTest.TwoConnections.class)
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class FewConnectionsReadsTest {

    static final int CONCURRENT = 100;
    /** Contract §6: 100 concurrent anonymous requests on a read endpoint all answer within 5 s. */
    static final Duration BOUND = Duration.ofSeconds(5);
    /**
     * A deadlocked request waits for the pool's 30 s acquisition timeout: every answer must come before this, on any
     * machine. The 5 s bound is asserted too unless the machine is overloaded by other work (load average above
     * twice its cores, as on a shared build box): then it is printed, not asserted (a loaded machine is slow, not
     * wrong).
     */
    static final Duration DEADLOCK_BOUND = Duration.ofSeconds(25);

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A waiter gives up after 30 s (as in production), far beyond the 5 s bound.
            return Map.of("quarkus.datasource.reactive.max-size", "2");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Five requests one after another (JIT, query plans: the bound is for a running service); null when all 200. */
    private String warmUp(String path) {
        for (int i = 0; i < 5; i++) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(BOUND).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status != 200) {
                    return "answered " + status;
                }
            } catch (Exception e) {
                return "got no answer within " + BOUND.toSeconds() + " s (" + e + ")";
            }
        }
        return null;
    }

    @Test
    void everyReadEndpointAnswersOneHundredConcurrentAnonymousRequestsWithinFiveSeconds() throws Exception {
        User gm = Api.gm("poolgm").known();
        User player = Api.player("poolplayer").known();
        long systemId = Api.system();
        Map<String, Object> body = gameBody(unique("Pool one"), systemId);
        body.put("date", LocalDateTime.of(2034, 3, 10, 20, 30).atZone(Api.PARIS).toOffsetDateTime().toString());
        String slug = Api.createGame(gm, body).get("slug").asText();
        gm.as().body(Map.of("confirm_past_date", true)).post("/api/v1/games/" + slug + "/publish").then()
                .statusCode(200);
        player.as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
        JsonNode vtt = Api.json(Api.admin("pooladmin").as().body(Map.of("name", unique("Vtt")))
                .post("/api/v1/vtts").then().statusCode(201).extract().asString());
        JsonNode event = Api.json(Api.admin("pooladmin").as().body(Map.of("name", unique("Event"), "emoji", "🎲",
                "color", 0xFF0000)).post("/api/v1/special-events").then().statusCode(201).extract().asString());

        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("games", "api/v1/games");
        reads.put("game", "api/v1/games/" + slug);
        reads.put("sessions", "api/v1/games/" + slug + "/sessions");
        reads.put("systems", "api/v1/systems");
        reads.put("system", "api/v1/systems/" + systemId);
        reads.put("vtts", "api/v1/vtts");
        reads.put("vtt", "api/v1/vtts/" + vtt.get("id").asLong());
        reads.put("special-events", "api/v1/special-events?active=true");
        reads.put("special-event", "api/v1/special-events/" + event.get("id").asLong());
        reads.put("calendar", "api/v1/calendar/events?start=2034-03-01&end=2034-04-01");
        reads.put("stats", "api/v1/stats?year=2034&month=3");
        reads.put("ics by gm", "api/v1/calendar.ics?gm_id=" + gm.id());
        reads.put("ics by player", "api/v1/calendar.ics?player_id=" + player.id());
        reads.put("ics by game", "api/v1/calendar.ics?game=" + slug);
        // Server-Sent Events (contract §7): answered when the head (and, for a game's stream, its current state) is in.
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("live game", "api/v1/games/" + slug + "/live");
        streams.put("live games", "api/v1/live/games");

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            String warmUp = warmUp(read.getValue());
            if (warmUp != null) {
                failures.add(read.getKey() + " (" + read.getValue() + "): one request alone " + warmUp);
                continue;
            }
            judge(read.getKey(), read.getValue(), burst(read.getValue()), failures);
        }
        for (Map.Entry<String, String> stream : streams.entrySet()) {
            judge(stream.getKey(), stream.getValue(), streamBurst(stream.getValue(),
                    stream.getKey().equals("live game")), failures);
        }
        assertThat(failures).as("read endpoints that held a connection while waiting for another").isEmpty();
    }

    record Burst(int ok, int serverErrors, int unanswered, long millis) {
    }

    private Burst burst(String path) {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(DEADLOCK_BOUND).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int serverErrors = 0;
        int unanswered = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            try {
                int status = answer.get(DEADLOCK_BOUND.toSeconds(), TimeUnit.SECONDS).statusCode();
                if (status >= 500) {
                    serverErrors++;
                } else if (status == 200) {
                    ok++;
                }
            } catch (Exception timedOut) {
                unanswered++;
            }
        }
        return new Burst(ok, serverErrors, unanswered, (System.nanoTime() - start) / 1_000_000);
    }

    /** 100 streams opened at once: each answers 200, and a game's stream sends the game's current state first. */
    private Burst streamBurst(String path, boolean stateFirst) {
        long start = System.nanoTime();
        long deadline = start + DEADLOCK_BOUND.toNanos();
        List<CompletableFuture<HttpResponse<Stream<String>>>> opened = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            opened.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
                    "text/event-stream").timeout(DEADLOCK_BOUND).GET().build(), HttpResponse.BodyHandlers.ofLines()));
        }
        int ok = 0;
        int serverErrors = 0;
        int unanswered = 0;
        for (CompletableFuture<HttpResponse<Stream<String>>> answer : opened) {
            try {
                HttpResponse<Stream<String>> r = answer.get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                try (Stream<String> lines = r.body()) {
                    if (r.statusCode() >= 500) {
                        serverErrors++;
                    } else if (r.statusCode() == 200 && (!stateFirst || CompletableFuture
                            .supplyAsync(() -> lines.anyMatch(line -> line.startsWith("data:")))
                            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))) {
                        ok++;
                    }
                }
            } catch (Exception noAnswer) {
                unanswered++;
            }
        }
        opened.forEach(answer -> answer.cancel(true));
        return new Burst(ok, serverErrors, unanswered, (System.nanoTime() - start) / 1_000_000);
    }

    private static void judge(String name, String path, Burst burst, List<String> failures) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean overloaded = load > 2.0 * Runtime.getRuntime().availableProcessors();
        System.out.printf("%-14s %d concurrent: %d ok, %d 5xx, %d unanswered in %d ms (load average %.1f)%n", name,
                CONCURRENT, burst.ok(), burst.serverErrors(), burst.unanswered(), burst.millis(), load);
        if (burst.ok() != CONCURRENT || burst.millis() > DEADLOCK_BOUND.toMillis()
                || burst.millis() > BOUND.toMillis() && !overloaded) {
            failures.add(name + " (" + path + "): " + burst.ok() + " ok, " + burst.serverErrors() + " 5xx, "
                    + burst.unanswered() + " unanswered, " + burst.millis() + " ms");
        }
    }
}
