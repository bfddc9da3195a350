package club.questmaster.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P1 seat-taking: {@code POST /api/v1/games/{slug}/registrations} by distinct players on many open games, 32 and 128
 * connections, against pgbench running the transaction games-service runs for one registration (p1-registration.sql:
 * lock the game, read the roster, insert the player, insert the outbox row, read the roster and the sessions for the
 * answer) on a twin set of games. Then exactness: the rows of the run's games equal its 201s, and 200 simultaneous
 * registrations on one 4-seat game give exactly 4 seats.
 */
final class P1Seats {

    static final int GAMES = 200;
    static final int PLAYERS = 1000;
    static final long PLAYER_BASE = 300_000_000_000_000_000L;
    static final String GM = "100000000000000001";
    /** The transaction games-service ran per registration at commit 778dbde, before the P1 rebuild. */
    static final String BASELINE_SCRIPT = "p1-registration-778dbde.sql";

    private final Stack stack;
    private final Report report;
    private final Suite.Options options;

    P1Seats(Stack stack, Report report, Suite.Options options) {
        this.stack = stack;
        this.report = report;
        this.options = options;
    }

    void run() throws Exception {
        report.line("%nP1 seat-taking (%d games, %d distinct players, %.0f s per figure, %d round(s))", GAMES, PLAYERS,
                options.seconds(), options.rounds());
        long systemId = Seed.system(stack);
        Seed.knownUsers(stack, PLAYER_BASE, PLAYERS + 200, "player");
        Jwt jwt = stack.jwt();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            tokens.add(jwt.token(Long.toString(PLAYER_BASE + i), "p1player" + i, "player"));
        }
        String run = Long.toString(System.currentTimeMillis() % 100_000_000);
        for (int connections : new int[] {32, 128}) {
            List<Double> http = new ArrayList<>();
            List<Double> pg = new ArrayList<>();
            List<Double> httpCpuMs = new ArrayList<>();
            List<Double> httpGamesCpuMs = new ArrayList<>();
            List<Double> pgCpuMs = new ArrayList<>();
            List<Double> baselineCpuMs = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                String prefix = "p1h-" + run + "-" + connections + "-" + round + "-";
                List<String> slugs = Seed.openGames(stack, prefix, GAMES, 100_000, systemId, GM);
                // warm-up on other games, then the measured run
                List<String> warm = Seed.openGames(stack, prefix + "w-", GAMES, 100_000, systemId, GM);
                load(warm, tokens, connections, options.warmup());
                awaitOutboxDrained();
                Cpu.Snapshot c0 = Cpu.take(stack, "games-service");
                Http.Run r = load(slugs, tokens, connections, options.seconds());
                Cpu.Snapshot httpCpu = Cpu.take(stack, "games-service").minus(c0);
                long created = r.codes().getOrDefault(201, 0L);
                long rows = stack.scalar("games", "SELECT count(*) FROM game_player p JOIN game g ON g.id = p.game_id"
                        + " WHERE g.slug LIKE '" + prefix + "%' AND g.slug NOT LIKE '" + prefix + "w-%'");
                report.line("  HTTP %3d connections: %6.0f registrations/s (%s), answers %s, errors %d; rows %d %s",
                        connections, created / r.seconds(), r.latency().summary(), r.codes(), r.errors(), rows,
                        rows == created ? "= 201s (exact)" : "!= " + created + " 201s (NOT EXACT)");
                http.add(created / r.seconds());
                report.line("       CPU per registration: games-service %.2f ms + PostgreSQL %.2f ms (of which the"
                        + " other services' databases, consuming its event: %.2f ms)",
                        httpCpu.service() * 1000 / created, httpCpu.postgres() * 1000 / created,
                        httpCpu.otherDatabases() * 1000 / created);
                httpCpuMs.add((httpCpu.service() + httpCpu.postgres()) * 1000 / created);
                httpGamesCpuMs.add((httpCpu.service() + httpCpu.postgresGamesPath()) * 1000 / created);

                String pgPrefix = "p1pg-" + run + "-" + connections + "-" + round + "-";
                Seed.openGames(stack, pgPrefix, GAMES, 100_000, systemId, GM);
                Cpu.Snapshot p0 = Cpu.take(stack, "games-service");
                Pgbench.Result p = Pgbench.run("games", "p1-registration.sql",
                        Map.of("prefix", pgPrefix, "games", Integer.toString(GAMES)), connections, options.seconds());
                report.line("  pgbench %3d clients: %6.0f transactions/s (latency avg %.1f ms, %d failed)", connections,
                        p.tps(), p.latencyMs(), p.failed());
                pg.add(p.tps());
                Cpu.Snapshot pgCpu = Cpu.take(stack, "games-service").minus(p0);
                long txns = Math.max(1, p.transactions());
                report.line("       CPU per transaction: PostgreSQL %.2f ms (+ pgbench itself %.2f ms)",
                        pgCpu.postgres() * 1000 / txns, pgCpu.children() * 1000 / txns);
                pgCpuMs.add(pgCpu.postgres() * 1000 / txns);

                // the statements the service ran before the P1 rebuild, so that runs on either side compare
                String basePrefix = "p1pb-" + run + "-" + connections + "-" + round + "-";
                Seed.openGames(stack, basePrefix, GAMES, 100_000, systemId, GM);
                Cpu.Snapshot b0 = Cpu.take(stack, "games-service");
                Pgbench.Result b = Pgbench.run("games", BASELINE_SCRIPT,
                        Map.of("prefix", basePrefix, "games", Integer.toString(GAMES)), connections, options.seconds());
                Cpu.Snapshot baseCpu = Cpu.take(stack, "games-service").minus(b0);
                long baseTxns = Math.max(1, b.transactions());
                report.line("  pgbench %3d clients, baseline statements (%s): %6.0f transactions/s, CPU per"
                        + " transaction: PostgreSQL %.2f ms", connections, BASELINE_SCRIPT, b.tps(),
                        baseCpu.postgres() * 1000 / baseTxns);
                baselineCpuMs.add(baseCpu.postgres() * 1000 / baseTxns);
            }
            report.ratio("P1", "registrations/s, " + connections + " connections, vs pgbench (" + Suite.range(http)
                    + " vs " + Suite.range(pg) + ")", Suite.median(http), Suite.median(pg), "/s",
                    connections == 32 ? 0.5 : 0.0);
            // CPU is what a loaded machine cannot distort: the rate each side would reach with both cores to itself
            report.ratio("P1", "CPU-bound rate (2 cores / CPU per op: service + PostgreSQL vs PostgreSQL alone), "
                    + connections + " connections", 2000 / Suite.median(httpCpuMs), 2000 / Suite.median(pgCpuMs), "/s",
                    connections == 32 ? 0.5 : 0.0);
            // pgbench's transaction causes no event (its outbox rows are inserted as sent): the same work on both sides
            report.ratio("P1", "CPU-bound rate, games' own path (service + PostgreSQL without audit's, trophies' and"
                    + " users' backends) vs PostgreSQL alone, " + connections + " connections",
                    2000 / Suite.median(httpGamesCpuMs), 2000 / Suite.median(pgCpuMs), "/s",
                    connections == 32 ? 0.5 : 0.0);
            report.ratio("P1", "CPU-bound rate vs pgbench on the baseline's statements (" + BASELINE_SCRIPT + "), "
                    + connections + " connections", 2000 / Suite.median(httpCpuMs),
                    2000 / Suite.median(baselineCpuMs), "/s", 0.0);
        }
        contention(systemId, jwt, run);
    }

    /**
     * Waits (at most a minute) until games-service's relay has published every outbox row, so that a figure's CPU is
     * its own requests' (their events included), not the relaying of an earlier figure's.
     */
    private void awaitOutboxDrained() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long unsent;
        while ((unsent = stack.scalar("games", "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL"
                + " AND parked_at IS NULL")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (unsent > 0) {
            report.line("       (the outbox still held %d unsent rows: this figure includes relaying them)", unsent);
        }
    }

    private Http.Run load(List<String> slugs, List<String> tokens, int connections, double seconds) throws Exception {
        // request i: game i % G, player (i / G) % P, so every (game, player) pair is distinct for i < G * P and
        // simultaneous requests spread over the games
        int port = stack.port("games-service");
        return Http.closedLoop(port, connections, seconds, i -> {
            int g = (int) (i % slugs.size());
            int p = (int) ((i / slugs.size()) % tokens.size());
            return Http.request("POST", port, "/api/v1/games/" + slugs.get(g) + "/registrations", tokens.get(p), null);
        });
    }

    /** 200 distinct players register at the same instant on one open game of 4 seats: exactly 4 get a seat. */
    private void contention(long systemId, Jwt jwt, String run) throws Exception {
        String slug = Seed.openGames(stack, "p1c-" + run + "-", 1, 4, systemId, GM).get(0);
        int port = stack.port("games-service");
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(Http.request("POST", port, "/api/v1/games/" + slug + "/registrations",
                    jwt.token(Long.toString(PLAYER_BASE + PLAYERS + i), "p1c" + i, "player"), null));
        }
        Map<Integer, Long> codes = Http.burst(port, requests);
        long rows;
        String status;
        try (Connection c = stack.db("games");
                PreparedStatement q = c.prepareStatement("SELECT (SELECT count(*) FROM game_player WHERE game_id = g.id),"
                        + " g.status FROM game g WHERE slug = ?")) {
            q.setString(1, slug);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                status = rs.getString(2);
            }
        }
        boolean exact = rows == 4 && codes.getOrDefault(201, 0L) == 4 && codes.getOrDefault(409, 0L) == 196;
        report.line("  200 simultaneous registrations on one 4-seat game: answers %s, %d rows, game %s: %s", codes, rows,
                status, exact ? "exact" : "NOT EXACT");
        report.info("P1", "exact under 200-way contention on one game (4 seats)", exact ? "exact" : "NOT EXACT");
    }
}
