package club.questmaster.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite: P1 seat-taking, P2 listing, P3 events, P4 footprint, each figure printed with its reference
 * (PostgreSQL's own speed on the same SQL, or a raw Kafka consumer) and the ratio, then a Markdown table.
 *
 * <p>Usage (benchmarks/run does the build): {@code java -cp ... club.questmaster.benchmarks.Suite [--root DIR]
 * [--seconds 10] [--warmup 30] [--rounds 1] [--backlog 50000] [--only P1,P2,P3,P4] [--no-restart] [--out FILE]
 * [--alone-services a,b] [--alone-jvm "-XX:flag ..."] [--alone-env KEY=VALUE]}: the last three start the services
 * alone a second time with other JVM settings, to compare them in one run. By default it
 * restarts the suite with {@code ./questmaster down; ./questmaster up --detach} (P4 measures that start).
 */
public final class Suite {

    /**
     * @param warmup seconds of the same load, unmeasured, before each P1 and P2 figure: a figure compares steady
     *     state with pgbench, and right after a restart games-service's hot paths are still interpreted or compiled
     *     by C1 (a 3 s warm-up measured 1.2-1.7 ms of games-service CPU per page where a warm one costs 0.5 ms;
     *     10 s before P1 right after a restart, 238 registrations/s at 3.83 ms each, where the same suite after one
     *     more P1 did 465/s at 1.71 ms); the JVM's start itself is P4's figure
     */
    record Options(double seconds, int rounds, int backlog, double warmup) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        double seconds = 10;
        int rounds = 1;
        int backlog = 50_000;
        double warmup = 30;
        boolean restart = true;
        Set<String> only = Set.of("P1", "P2", "P3", "P4");
        Path out = null;
        List<String> aloneServices = null; // every service of services.conf
        List<String> aloneJvm = new ArrayList<>();
        java.util.Map<String, String> aloneEnv = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--backlog" -> backlog = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--no-restart" -> restart = false;
                case "--only" -> only = Set.of(args[++i].toUpperCase().split(","));
                case "--out" -> out = Path.of(args[++i]);
                case "--alone-services" -> aloneServices = List.of(args[++i].split(","));
                case "--alone-jvm" -> aloneJvm.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--alone-env" -> {
                    String[] kv = args[++i].split("=", 2);
                    aloneEnv.put(kv[0], kv[1]);
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        if (out == null) {
            out = root.resolve("benchmarks/results/" + stamp + ".md");
        }
        Stack stack = new Stack(root);
        Report report = new Report(out);
        Options options = new Options(seconds, rounds, backlog, warmup);
        report.line("# QuestMaster benchmarks %s UTC%n%nMachine: %s%nCommit: %s%nCommand: benchmarks/run %s%n", stamp,
                machine(), commit(root), String.join(" ", args));
        P4Footprint p4 = new P4Footprint(stack, report);
        if (restart) {
            List<String> log = stack.restart(false);
            Thread.sleep(5000);
            if (only.contains("P4")) {
                p4.together(log);
            }
        } else if (!stack.running()) {
            throw new IllegalStateException("the suite is not running (./questmaster up --detach), or drop --no-restart");
        }
        if (only.contains("P4")) {
            p4.memory("idle, after start");
            p4.alone(aloneServices, List.of(), java.util.Map.of());
            if (!aloneJvm.isEmpty() || !aloneEnv.isEmpty()) {
                p4.alone(aloneServices, aloneJvm, aloneEnv);
            }
        }
        if (only.contains("P1")) {
            new P1Seats(stack, report, options).run();
            p4.memory("after P1");
        }
        if (only.contains("P2")) {
            new P2Listing(stack, report, options).run();
            p4.memory("after P2");
        }
        if (only.contains("P3")) {
            new P3Events(stack, report, options).run();
            p4.memory("after P3");
        }
        report.line("%n## Summary%n%n%s", report.markdown());
        report.line("Results: %s", out);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String range(List<Double> values) {
        double min = Collections.min(values);
        double max = Collections.max(values);
        return values.size() == 1 || Math.round(min) == Math.round(max) ? String.format("%.0f", min)
                : String.format("%.0f–%.0f", min, max);
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        return String.format("%d cores (%s), %.0f GiB, Java %s, load average at start %s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1048576.0, System.getProperty("java.version"),
                load);
    }

    private static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "log", "-1", "--format=%h %s").start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            Process d = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .start();
            boolean dirty = !new String(d.getInputStream().readAllBytes()).isBlank();
            return s + (dirty ? " (+ uncommitted changes)" : "");
        } catch (Exception e) {
            return "?";
        }
    }
}
