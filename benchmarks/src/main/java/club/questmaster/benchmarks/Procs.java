package club.questmaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The suite's processes and their memory, read from /proc (Linux). */
final class Procs {

    private Procs() {
    }

    record Proc(long pid, long ppid, String args) {
    }

    static List<Proc> all() {
        List<Proc> procs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String args = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ').trim();
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    procs.add(new Proc(Long.parseLong(p.getFileName().toString()), Long.parseLong(fields[1]), args));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return procs;
    }

    /** The JVM running this jar (e.g. {@code <root>/games-service/target/quarkus-app/quarkus-run.jar}). */
    static Optional<Proc> byArg(String fragment) {
        return all().stream().filter(p -> p.args().contains(fragment) && !p.args().contains("club.questmaster.benchmarks"))
                .findFirst();
    }

    /** The process and its descendants (PostgreSQL: the postmaster and its backends). */
    static List<Proc> tree(long root) {
        List<Proc> all = all();
        List<Proc> out = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(root));
        all.stream().filter(p -> p.pid() == root).forEach(out::add);
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (Proc p : all) {
                if (frontier.contains(p.ppid())) {
                    out.add(p);
                    next.add(p.pid());
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Resident set size in MB (VmRSS). */
    static double rssMb(long pid) {
        return kb(pid, "status", "VmRSS:") / 1024.0;
    }

    /** Proportional set size in MB: shared pages (PostgreSQL's shared buffers) counted once across processes. */
    static double pssMb(long pid) {
        return kb(pid, "smaps_rollup", "Pss:") / 1024.0;
    }

    private static long kb(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }
}
