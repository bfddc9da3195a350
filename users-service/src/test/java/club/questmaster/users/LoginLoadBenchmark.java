package club.questmaster.users;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Does password hashing starve the rest of the service? Fires 50 concurrent logins (bcrypt at the production cost)
 * and, meanwhile, measures GET /api/v1/users/me one request after another. Target: /me p99 below 50 ms.
 *
 * <p>Run: {@code ./mvnw verify -Pbenchmarks -pl users-service} (prints the numbers; asserts only that every call
 * answered correctly).
 */
@QuarkusTest
@TestProfile(LoginLoadBenchmark.ProductionHashCost.class)
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LoginLoadBenchmark {

    static final int LOGINS = 50;
    static final int COST = 12;

    public static class ProductionHashCost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("questmaster.users.password.bcrypt-cost", Integer.toString(COST));
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/users/me"))
                .header("Authorization", "Bearer " + token).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void meStaysFastWhileFiftyLoginsHash() throws Exception {
        String username = Api.uniqueName("bench");
        Api.createUser(username, "player");
        String loginBody = "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}";
        String token = Api.accessToken(username, Api.PASSWORD);

        for (int i = 0; i < 50; i++) { // warm-up: JIT, pools, query plans
            Assertions.assertEquals(200, me(token).statusCode());
        }
        // Baseline: /me with nothing else going on in this service (the machine may be busy with other work).
        List<Long> baselineMicros = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            Assertions.assertEquals(200, me(token).statusCode());
            baselineMicros.add((System.nanoTime() - t) / 1_000);
        }
        Collections.sort(baselineMicros);
        long single = System.nanoTime();
        Assertions.assertEquals(200, post("/api/v1/auth/login", loginBody).statusCode());
        long singleLoginMs = (System.nanoTime() - single) / 1_000_000;

        ExecutorService clients = Executors.newFixedThreadPool(LOGINS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> loginMs = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            logins.add(clients.submit(() -> {
                start.await();
                long t = System.nanoTime();
                int status = post("/api/v1/auth/login", loginBody).statusCode();
                loginMs.add((System.nanoTime() - t) / 1_000_000);
                return status;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Long> meMicros = new ArrayList<>();
        while (logins.stream().anyMatch(f -> !f.isDone())) {
            long t = System.nanoTime();
            HttpResponse<String> response = me(token);
            meMicros.add((System.nanoTime() - t) / 1_000);
            Assertions.assertEquals(200, response.statusCode(), response.body());
        }
        long wallMs = (System.nanoTime() - began) / 1_000_000;
        for (Future<Integer> login : logins) {
            Assertions.assertEquals(200, login.get());
        }
        clients.shutdown();

        Collections.sort(meMicros);
        List<Long> sortedLogins = new ArrayList<>(loginMs);
        Collections.sort(sortedLogins);
        System.out.printf("%n=== LoginLoadBenchmark (bcrypt cost %d, %d cores) ===%n", COST,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("GET /api/v1/users/me alone (%d requests): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                baselineMicros.size(), pct(baselineMicros, 50) / 1000.0, pct(baselineMicros, 99) / 1000.0,
                baselineMicros.get(baselineMicros.size() - 1) / 1000.0);
        System.out.printf("one login alone: %d ms%n", singleLoginMs);
        System.out.printf("%d concurrent logins: all 200 in %d ms wall; login latency p50 %d ms, max %d ms%n", LOGINS,
                wallMs, pct(sortedLogins, 50), sortedLogins.get(sortedLogins.size() - 1));
        System.out.printf("GET /api/v1/users/me during the logins (%d requests): p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                + " (target < 50 ms)%n", meMicros.size(), pct(meMicros, 50) / 1000.0, pct(meMicros, 99) / 1000.0,
                meMicros.get(meMicros.size() - 1) / 1000.0);
        System.out.println("reproduce: ./mvnw verify -Pbenchmarks -pl users-service");
    }

    @Test
    void unknownUsersAndWrongPasswordsTakeTheSameTimeAtTheProductionCost() throws Exception {
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            String username = Api.uniqueName("timing");
            Api.createUser(username, "player");
            for (int i = 0; i < 4; i++) {
                // Alternate which goes first, so that drifting machine load does not favour one side.
                for (int side = 0; side < 2; side++) {
                    boolean wrongSide = (side + i) % 2 == 0;
                    String who = wrongSide ? username : Api.uniqueName("nobody");
                    long t = System.nanoTime();
                    Assertions.assertEquals(401, post("/api/v1/auth/login", "{\"username\":\"" + who
                            + "\",\"password\":\"wrong-password\"}").statusCode());
                    (wrongSide ? wrong : unknown).add((System.nanoTime() - t) / 1_000);
                }
            }
        }
        Collections.sort(wrong);
        Collections.sort(unknown);
        System.out.printf("%n=== 401 timing at bcrypt cost %d (12 samples each) ===%n", COST);
        System.out.printf("wrong password: p50 %.1f ms, max %.1f ms; unknown user: p50 %.1f ms, max %.1f ms%n",
                pct(wrong, 50) / 1000.0, wrong.get(wrong.size() - 1) / 1000.0, pct(unknown, 50) / 1000.0,
                unknown.get(unknown.size() - 1) / 1000.0);
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
