package club.questmaster.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Contract §6 "Abuse" with the production limits and the production bcrypt cost. Each party connects from its own
 * loopback address (127.0.0.x: the kernel routes the whole /8 to lo), so the service sees distinct clients exactly
 * as it would behind no proxy.
 */
@QuarkusTest
@TestProfile(LoginAbuseTest.ProductionLimits.class)
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LoginAbuseTest {

    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("questmaster.users.rate-limit.enabled", "true",
                    "questmaster.users.password.bcrypt-cost", "12");
        }
    }

    static final int FLOOD = 200;
    static final Duration FLOOD_SPAN = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A POST from a chosen source address (java.net.http cannot bind one before Java 19). */
    private Answer post(String from, String path, String json) throws Exception {
        return post(from, null, path, json);
    }

    /** The same with an X-Forwarded-For header (null: none), as web sends for the browser it signs in. */
    private Answer post(String from, String forwardedFor, String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new ConcurrentHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headEnd + 4));
        }
    }

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private long meMicros(String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/users/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return (System.nanoTime() - start) / 1_000;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Test
    void aLoginFloodIsRateLimitedAndNeitherSlowsTheServiceNorLocksTheRealUserOut() throws Exception {
        String username = Api.uniqueName("flooded");
        Api.createUser(username, "player");
        Answer first = post("127.0.0.6", "/api/v1/auth/login", login(username, Api.PASSWORD));
        assertEquals(200, first.status(), first.body());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body()).get("access_token")
                .asText();
        for (int i = 0; i < 100; i++) { // warm-up
            meMicros(token);
        }
        // Baseline: /me with no flood, for the same number of seconds (the machine may be busy with other work).
        List<Long> quiet = new ArrayList<>();
        long quietStart = System.nanoTime();
        while (System.nanoTime() - quietStart < FLOOD_SPAN.toNanos()) {
            quiet.add(meMicros(token));
        }
        Collections.sort(quiet);

        ExecutorService senders = Executors.newFixedThreadPool(16);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> sent = new ArrayList<>();
        long floodStart = System.nanoTime();
        long interval = FLOOD_SPAN.toNanos() / FLOOD;
        List<Long> meDuringFlood = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < FLOOD; i++) {
            long due = floodStart + i * interval;
            String body = login(Api.uniqueName("nobody"), "Not-The-Password-" + i);
            sent.add(senders.submit(() -> {
                long sleep = due - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                Answer a = post("127.0.0.5", "/api/v1/auth/login", body);
                statuses.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
                if (a.status() == 429) {
                    assertTrue(a.body().contains("\"RATE_LIMITED\""), a.body());
                    assertTrue(Integer.parseInt(a.headers().get("retry-after")) >= 1);
                }
                return null;
            }));
        }
        // Meanwhile: /users/me one request after another, and the real user logs in from their own address.
        Answer realUser = null;
        while (System.nanoTime() - floodStart < FLOOD_SPAN.toNanos()) {
            meDuringFlood.add(meMicros(token));
            if (realUser == null && System.nanoTime() - floodStart > FLOOD_SPAN.toNanos() / 2) {
                realUser = post("127.0.0.6", "/api/v1/auth/login", login(username, Api.PASSWORD));
            }
        }
        for (Future<?> f : sent) {
            f.get(120, TimeUnit.SECONDS);
        }
        long floodMillis = (System.nanoTime() - floodStart) / 1_000_000;
        senders.shutdown();

        List<Long> sorted = new ArrayList<>(meDuringFlood);
        Collections.sort(sorted);
        long p50 = percentile(sorted, 0.50);
        long p99 = percentile(sorted, 0.99);
        long quietP99 = percentile(quiet, 0.99);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("FLOOD: %d logins with unknown usernames from one address in %d ms -> %s%n", FLOOD,
                floodMillis, statuses);
        System.out.printf("FLOOD: GET /api/v1/users/me without flood: %d requests, p50 %.1f ms, p99 %.1f ms"
                + " (machine load average %.1f)%n", quiet.size(), percentile(quiet, 0.5) / 1000.0, quietP99 / 1000.0,
                load);
        System.out.printf("FLOOD: GET /api/v1/users/me meanwhile: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.size(), p50 / 1000.0, p99 / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
        System.out.printf("FLOOD: the real user's login from another address during the flood: %d%n",
                realUser == null ? -1 : realUser.status());

        assertEquals(FLOOD, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(statuses.getOrDefault(429, new AtomicInteger()).get() >= FLOOD - 20,
                "most of the flood is refused cheaply: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        // The p99 of /users/me during the flood (contract §6: under 100 ms) is a figure, printed above and by the
        // benchmarks, not asserted: on a shared 2-core build machine a latency bound is noise, not a verdict.
        assertTrue(realUser != null && realUser.status() == 200, "real user: " + realUser);
    }

    @Test
    void aStrangerLocksTheAccountOnlyForTheirOwnAddress() throws Exception {
        String username = Api.uniqueName("target");
        Api.createUser(username, "player");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("127.0.0.7", "/api/v1/auth/login", login(username, "wrong-" + i)).status());
        }
        Answer stranger = post("127.0.0.7", "/api/v1/auth/login", login(username, Api.PASSWORD));
        assertEquals(429, stranger.status(), stranger.body());
        assertTrue(stranger.body().contains("\"ACCOUNT_LOCKED\""), stranger.body());
        assertTrue(Integer.parseInt(stranger.headers().get("retry-after")) > 890);

        // The owner, from their own address, is not locked out, and their success does not unlock the stranger.
        assertEquals(200, post("127.0.0.8", "/api/v1/auth/login", login(username, Api.PASSWORD)).status());
        assertEquals(429, post("127.0.0.7", "/api/v1/auth/login", login(username, Api.PASSWORD)).status());
    }

    /**
     * Through web (a trusted proxy on 127.0.0.1), each browser's forwarded address counts on its own: a stranger's
     * failures behind web do not lock the owner who also signs in through web. From an untrusted peer the header is
     * ignored: it cannot choose a fresh address to escape its own lockout.
     */
    @Test
    void theForwardedAddressCountsOnlyFromATrustedProxy() throws Exception {
        String username = Api.uniqueName("behindweb");
        Api.createUser(username, "player");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("127.0.0.1", "203.0.113.7", "/api/v1/auth/login", login(username, "wrong-" + i))
                    .status());
        }
        assertEquals(429, post("127.0.0.1", "203.0.113.7", "/api/v1/auth/login", login(username, Api.PASSWORD))
                .status());
        assertEquals(200, post("127.0.0.1", "203.0.113.8", "/api/v1/auth/login", login(username, Api.PASSWORD))
                .status());

        String other = Api.uniqueName("direct");
        Api.createUser(other, "player");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("127.0.0.10", "203.0.113.9", "/api/v1/auth/login", login(other, "wrong-" + i))
                    .status());
        }
        // Another forwarded address from the same untrusted peer: still the peer's own lockout.
        Answer spoofed = post("127.0.0.10", "203.0.113.10", "/api/v1/auth/login", login(other, Api.PASSWORD));
        assertEquals(429, spoofed.status(), spoofed.body());
    }

    @Test
    void theDiscordLoginIsRateLimitedToo() throws Exception {
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            // A blank token is refused (400) without calling Discord; the limit counts the attempt before that.
            Answer a = post("127.0.0.9", "/api/v1/auth/discord", "{\"discord_access_token\":\"\"}");
            if (a.status() == 429) {
                limited++;
                assertTrue(a.body().contains("\"RATE_LIMITED\""));
                assertTrue(a.headers().containsKey("retry-after"));
            }
        }
        assertEquals(5, limited);
    }
}
