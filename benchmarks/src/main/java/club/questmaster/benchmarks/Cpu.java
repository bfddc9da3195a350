package club.questmaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU seconds used, from /proc: a figure that stays meaningful on a shared machine, where a rate only says how much
 * of the CPU a process got. PostgreSQL's total includes its ended backends (the postmaster's reaped children), and
 * pgbench's is this JVM's reaped children (pgbench is our child).
 *
 * <p>{@code otherDatabases} is the part of PostgreSQL's total spent by the live backends of the other services'
 * databases ({@link #OTHER_DATABASES}): audit's, trophies' and users' consumers writing what each of games-service's
 * events causes, which pgbench's transaction (its outbox rows inserted as already sent) never causes. Their pools'
 * connections live through a figure, so their CPU is read from the live backends; a backend's title is {@code
 * postgres: [cluster: ]user database host activity}.
 */
final class Cpu {

    private static final double TICK = 100.0; // USER_HZ on Linux

    static final java.util.Set<String> OTHER_DATABASES = java.util.Set.of("users", "trophies", "audit");

    record Snapshot(double service, double postgres, double otherDatabases, double children) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(service - before.service, postgres - before.postgres,
                    otherDatabases - before.otherDatabases, children - before.children);
        }

        /** PostgreSQL's CPU without the other services' databases: games' own backends and the shared processes. */
        double postgresGamesPath() {
            return postgres - otherDatabases;
        }
    }

    private Cpu() {
    }

    static Snapshot take(Stack stack, String service) {
        double svc = stack.service(service).map(p -> own(p.pid())).orElse(0.0);
        double[] pg = stack.postgres().map(p -> {
            double total = own(p.pid()) + reaped(p.pid());
            double others = 0;
            for (Procs.Proc child : Procs.tree(p.pid())) {
                if (child.pid() != p.pid()) {
                    double cpu = own(child.pid());
                    total += cpu;
                    String database = database(child.args());
                    if (database != null && OTHER_DATABASES.contains(database)) {
                        others += cpu;
                    }
                }
            }
            return new double[] {total, others};
        }).orElse(new double[] {0, 0});
        return new Snapshot(svc, pg[0], pg[1], reaped(ProcessHandle.current().pid()));
    }

    /** The database of a backend's process title, or null for PostgreSQL's own processes (checkpointer, …). */
    static String database(String title) {
        if (!title.startsWith("postgres: ")) {
            return null;
        }
        List<String> words = new java.util.ArrayList<>(List.of(title.substring("postgres: ".length()).split(" +")));
        if (!words.isEmpty() && words.get(0).endsWith(":")) {
            words.remove(0); // cluster_name
        }
        // user, database, host(port), activity: a background process has one or two words
        boolean backend = words.size() >= 3 && (words.get(2).contains("(") || words.get(2).equals("[local]"));
        return backend ? words.get(1) : null;
    }

    /** utime + stime of the process. */
    static double own(long pid) {
        String[] f = fields(pid);
        return f == null ? 0 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
    }

    /** cutime + cstime: the ended children it waited for. */
    static double reaped(long pid) {
        String[] f = fields(pid);
        return f == null ? 0 : (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICK;
    }

    /** Fields after the command name: index 0 is the state (field 3 of proc(5)). */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
