package club.questmaster.trophies;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/leaderboards} on 1 000 000 user-trophy rows (250 000 users holding each of the four built-in
 * badges, quantities 1..50, so boards are full of ties). Prints latencies; run with
 * {@code ./mvnw -B verify -pl trophies-service -Pbenchmarks}.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LeaderboardBenchmark {

    private static final int USERS = 250_000;
    private static final int WARMUP = 50;
    private static final int MEASURED = 500;

    private static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void leaderboardsOnAMillionRows() throws Exception {
        long seedStart = System.nanoTime();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO user_trophy (user_id, trophy_id, quantity)"
                    + " SELECT (100000000000000000 + u)::text, t, 1 + ((u * 7919 + t * 104729) % 50)"
                    + " FROM generate_series(1, " + USERS + ") AS u CROSS JOIN generate_series(1, 4) AS t"
                    + " ON CONFLICT DO NOTHING");
            s.execute("ANALYZE user_trophy");
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM user_trophy")) {
                rows.next();
                System.out.printf("[benchmark] user_trophy rows: %,d (seeded in %.1f s)%n", rows.getLong(1),
                        (System.nanoTime() - seedStart) / 1e9);
            }
            explain(s, """
                    SELECT b.trophy_id, top.user_id, top.quantity FROM unnest(ARRAY[1,3,2,4]::bigint[]) AS b(trophy_id)
                    CROSS JOIN LATERAL (SELECT ut.user_id, ut.quantity FROM user_trophy ut
                      WHERE ut.trophy_id = b.trophy_id ORDER BY ut.quantity DESC, ut.user_id LIMIT 10) AS top""");
            // For comparison: the naive "sum of quantity per user" aggregate the original ran per board.
            explain(s, """
                    SELECT user_id, sum(quantity) AS count FROM user_trophy WHERE trophy_id = 1
                    GROUP BY user_id ORDER BY count DESC, user_id LIMIT 10""");
        }

        for (int i = 0; i < WARMUP; i++) {
            given().when().get("/api/v1/leaderboards").then().statusCode(200);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            given().when().get("/api/v1/leaderboards").then().statusCode(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("[benchmark] GET /api/v1/leaderboards x %d (after %d warm-up) on 1M rows:"
                        + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n",
                MEASURED, WARMUP, ms(nanos[MEASURED / 2]), ms(nanos[MEASURED * 95 / 100]),
                ms(nanos[MEASURED * 99 / 100]), ms(nanos[MEASURED - 1]), ms(Arrays.stream(nanos).sum() / MEASURED));
        // The same with a bare JDK HTTP client (keep-alive, no assertion layer): closer to the server's own time.
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/leaderboards")).GET().build();
        for (int i = 0; i < WARMUP; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            assertEquals(200, answer.statusCode());
        }
        Arrays.sort(nanos);
        System.out.printf("[benchmark] same, JDK HttpClient: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms,"
                        + " mean %.2f ms%n", ms(nanos[MEASURED / 2]), ms(nanos[MEASURED * 95 / 100]),
                ms(nanos[MEASURED * 99 / 100]), ms(nanos[MEASURED - 1]), ms(Arrays.stream(nanos).sum() / MEASURED));
        List<Integer> counts = given().when().get("/api/v1/leaderboards").then().extract().path("oneshot_players.count");
        assertEquals(10, counts.size());
        System.out.println("[benchmark] reproduce: ./mvnw -B verify -pl trophies-service -Pbenchmarks");
    }

    private static void explain(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rows.next()) {
                plan.append("  ").append(rows.getString(1)).append('\n');
            }
        }
        System.out.println("[benchmark] plan of: " + sql.replaceAll("\\s+", " ") + "\n" + plan);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
