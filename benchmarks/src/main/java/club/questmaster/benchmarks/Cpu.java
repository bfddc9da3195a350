package club.questmaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used, from /proc: a figure that stays meaningful on a shared machine, where a rate only says how much
 * of the CPU a process got. PostgreSQL's total includes its ended backends (the postmaster's reaped children), and
 * pgbench's is this JVM's reaped children (pgbench is our child).
 */
final class Cpu {

    private static final double TICK = 100.0; // USER_HZ on Linux

    record Snapshot(double service, double postgres, double children) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(service - before.service, postgres - before.postgres, children - before.children);
        }
    }

    private Cpu() {
    }

    static Snapshot take(Stack stack, String service) {
        double svc = stack.service(service).map(p -> own(p.pid())).orElse(0.0);
        double pg = stack.postgres().map(p -> {
            double total = own(p.pid()) + reaped(p.pid());
            for (Procs.Proc child : Procs.tree(p.pid())) {
                if (child.pid() != p.pid()) {
                    total += own(child.pid());
                }
            }
            return total;
        }).orElse(0.0);
        return new Snapshot(svc, pg, reaped(ProcessHandle.current().pid()));
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
