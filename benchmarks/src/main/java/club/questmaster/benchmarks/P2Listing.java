package club.questmaster.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P2 listing on 100 000 games: the default page, a filtered page (type + system + name) and page 50, each at its peak
 * rate (32 connections, closed loop) against pgbench running the best single SQL statement for that page (its 20 rows
 * with their players and sessions, p2-*.sql), then latency percentiles at half the peak rate (open loop). The
 * envelope's total is checked against the database.
 */
final class P2Listing {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    record Scenario(String name, String path, String script, String countSql) {
    }

    private final Stack stack;
    private final Report report;
    private final Suite.Options options;

    P2Listing(Stack stack, Report report, Suite.Options options) {
        this.stack = stack;
        this.report = report;
        this.options = options;
    }

    void run() throws Exception {
        report.line("%nP2 listing (GET /api/v1/games, 100 000 games, 32 connections, %.0f s per figure, %d round(s))",
                options.seconds(), options.rounds());
        Seed.listingGames(stack, report);
        long system = Seed.system(stack) + 6;
        List<Scenario> scenarios = List.of(
                new Scenario("default (open, page 1)", "/api/v1/games", "p2-default.sql",
                        "SELECT count(*) FROM game WHERE status = 'open'"),
                new Scenario("type+system+name (page 1)", "/api/v1/games?type=campaign&system_id=" + system
                        + "&name=game%2042", "p2-filtered.sql", "SELECT count(*) FROM game WHERE status = 'open'"
                        + " AND type = 'campaign' AND system_id = " + system + " AND name ILIKE '%game 42%'"),
                new Scenario("page 50 (open)", "/api/v1/games?page=50", "p2-page50.sql",
                        "SELECT count(*) FROM game WHERE status = 'open'"));
        int port = stack.port("games-service");
        for (Scenario s : scenarios) {
            String answer = Http.get(port, s.path(), null);
            Matcher total = TOTAL.matcher(answer);
            long expected = stack.scalar("games", s.countSql());
            long got = total.find() ? Long.parseLong(total.group(1)) : -1;
            report.line("  %s: %s -> status %s, total %d (database: %d%s)", s.name(), s.path(), answer.substring(0, 3),
                    got, expected, got == expected ? ", correct" : ", WRONG");
            byte[] request = Http.request("GET", port, s.path(), null, null);
            List<Double> peaks = new ArrayList<>();
            List<Double> pgs = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            List<Double> httpCpuMs = new ArrayList<>();
            List<Double> pgCpuMs = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                Http.closedLoop(port, 32, options.warmup(), i -> request); // warm-up
                Cpu.Snapshot c0 = Cpu.take(stack, "games-service");
                Http.Run peak = Http.closedLoop(port, 32, options.seconds(), i -> request);
                Cpu.Snapshot c1 = Cpu.take(stack, "games-service");
                Pgbench.Result pg = Pgbench.run("games", s.script(), Map.of("system", Long.toString(system)), 32,
                        options.seconds());
                Cpu.Snapshot httpCpu = c1.minus(c0);
                Cpu.Snapshot pgCpu = Cpu.take(stack, "games-service").minus(c1);
                long txns = Math.max(1, pg.transactions());
                report.line("    CPU per page: games-service %.2f ms + PostgreSQL %.2f ms; per statement: PostgreSQL"
                        + " %.2f ms (+ pgbench %.2f ms)", httpCpu.service() * 1000 / peak.requests(),
                        httpCpu.postgres() * 1000 / peak.requests(), pgCpu.postgres() * 1000 / txns,
                        pgCpu.children() * 1000 / txns);
                httpCpuMs.add((httpCpu.service() + httpCpu.postgres()) * 1000 / peak.requests());
                pgCpuMs.add(pgCpu.postgres() * 1000 / txns);
                double half = peak.rate() / 2;
                Http.Run steady = Http.openLoop(port, 32, half, options.seconds(), i -> request);
                report.line("    peak %6.0f req/s (%s, answers %s) | pgbench %6.0f statements/s (avg %.2f ms)"
                                + " | at %.0f req/s: %s, answers %s", peak.rate(), peak.latency().summary(),
                        peak.codes(), pg.tps(), pg.latencyMs(), half, steady.latency().summary(), steady.codes());
                peaks.add(peak.rate());
                pgs.add(pg.tps());
                p99s.add(steady.latency().ms(99));
            }
            report.ratio("P2", s.name() + " req/s vs best statement (" + Suite.range(peaks) + " vs "
                    + Suite.range(pgs) + ")", Suite.median(peaks), Suite.median(pgs), "/s", 0.5);
            report.ratio("P2", s.name() + " CPU-bound rate (2 cores / CPU per page) vs best statement",
                    2000 / Suite.median(httpCpuMs), 2000 / Suite.median(pgCpuMs), "/s", 0.5);
            report.bound("P2", s.name() + " p99 at half peak (" + Suite.range(p99s) + ")", Suite.median(p99s), "ms",
                    20);
        }
    }
}
