package club.questmaster.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P4 footprint: time to ready and RSS of each service started together (./questmaster up, read from the launcher's
 * log) and alone (a second instance of the service, with the running one's exact command line and environment but
 * another HTTP port, started while the rest of the suite idles), idle and after each benchmark; the whole stack's
 * memory.
 */
final class P4Footprint {

    private static final Pattern STARTING = Pattern.compile("\\[\\s*([0-9.]+)s\\] starting (\\S+) on");
    private static final Pattern READY = Pattern.compile("\\[\\s*([0-9.]+)s\\] (\\S+) is ready");
    private static final Pattern ALL_READY = Pattern.compile("QuestMaster is ready in ([0-9.]+) s");

    private final Stack stack;
    private final Report report;

    P4Footprint(Stack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /** Per service: seconds from its start to ready, from the launcher log of a start of them all together. */
    void together(List<String> launcherLog) {
        Map<String, Double> started = new LinkedHashMap<>();
        Map<String, Double> ready = new LinkedHashMap<>();
        String all = "?";
        for (String line : launcherLog) {
            Matcher s = STARTING.matcher(line);
            if (s.find()) {
                started.put(s.group(2), Double.parseDouble(s.group(1)));
            }
            Matcher r = READY.matcher(line);
            if (r.find()) {
                ready.put(r.group(2), Double.parseDouble(r.group(1)));
            }
            Matcher a = ALL_READY.matcher(line);
            if (a.find()) {
                all = a.group(1);
            }
        }
        report.line("%nP4 footprint%n  started together (./questmaster up): whole suite ready in %s s", all);
        ready.forEach((service, at) -> report.info("P4", service + " ready, started with the others",
                String.format("%.1f s", at - started.getOrDefault(service, 0.0))));
    }

    void memory(String when) {
        Map<String, Double> mb = stack.memory();
        double total = mb.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder line = new StringBuilder();
        mb.forEach((k, v) -> line.append(String.format("%s %.0f MB, ", k, v)));
        report.line("  memory %s: %stotal %.0f MB", when, line, total);
        if (when.startsWith("idle")) {
            for (String s : stack.services.keySet()) {
                report.bound("P4", s + " RSS " + when, mb.get(s), "MB", 250);
            }
        }
        report.bound("P4", "whole stack memory " + when, total, "MB", 2048);
    }

    /**
     * Each service started alone (a second instance on another port) while the suite idles; {@code extraJvm} flags
     * are added to its command line and {@code extraEnv} to its environment (to try JVM settings without a restart);
     * {@code services} null: every service of services.conf.
     */
    void alone(List<String> services, List<String> extraJvm, Map<String, String> extraEnv) throws Exception {
        if (services == null) {
            services = List.copyOf(stack.services.keySet());
        }
        String variant = extraJvm.isEmpty() && extraEnv.isEmpty() ? ""
                : " [with " + String.join(" ", extraJvm) + (extraEnv.isEmpty() ? "" : " " + extraEnv) + "]";
        for (String service : services) {
            Procs.Proc running = stack.service(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
            List<String> command = cmdline(running.pid());
            command.addAll(1, extraJvm);
            Map<String, String> env = environ(running.pid());
            env.putAll(extraEnv);
            int port = freePort();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            Path log = Files.createTempFile("qm-alone-" + service, ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(stack.root.resolve(service).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            double readyAfter = -1;
            double cpuAtReady = -1;
            double mainAtReady = -1;
            try {
                while (System.nanoTime() - t0 < 120e9 && p.isAlive()) {
                    try {
                        if (Http.status(port, "GET", "/q/health/ready", null, null) == 200) {
                            readyAfter = (System.nanoTime() - t0) / 1e9;
                            cpuAtReady = Cpu.own(p.pid());
                            mainAtReady = mainThreadCpu(p.pid());
                            break;
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                    Thread.sleep(25);
                }
                String quarkus = Files.readAllLines(log).stream().filter(l -> l.contains("started in")).findFirst()
                        .map(l -> l.replaceAll(".*started in ([0-9.]+)s.*", "$1 s")).orElse("?");
                Thread.sleep(5000);
                double rss = Procs.rssMb(p.pid());
                // What the start costs whatever else runs: on CORES idle cores it cannot be ready sooner than its
                // main thread's CPU time (the start is sequential there) nor than all its CPU spread over them.
                double cpuBound = Math.max(mainAtReady, cpuAtReady / CORES);
                report.line("  %s alone: ready after %.2f s (Quarkus: started in %s; %.2f s of CPU until ready, %.2f s"
                        + " of it on the main thread; CPU-bound: ready after %.2f s on %d idle cores; class archive: %s),"
                        + " RSS idle %.0f MB%s", service, readyAfter, quarkus, cpuAtReady, mainAtReady, cpuBound, CORES,
                        classArchive(command), rss, variant);
                report.info("P4", service + " CPU seconds until ready, started alone" + variant,
                        String.format("%.2f s (main thread %.2f s)", cpuAtReady, mainAtReady));
                report.info("P4", service + " CPU-bound ready time on " + CORES + " idle cores, started alone" + variant,
                        String.format("%.2f s", cpuBound));
                report.bound("P4", service + " ready, started alone" + variant, readyAfter, "s", 3);
                report.bound("P4", service + " RSS idle, started alone" + variant, rss, "MB", 250);
            } finally {
                p.destroy();
                p.waitFor();
                Files.deleteIfExists(log);
            }
        }
    }

    /** The cores of the machine the goal is for (the suite's 2-core reference machine). */
    private static final int CORES = 2;

    /**
     * CPU seconds of the thread that runs the start: the JVM's main thread keeps the launcher's name "java" (every
     * thread the JVM creates is renamed), next to the primordial thread that only waits for it.
     */
    private static double mainThreadCpu(long pid) {
        double most = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (!Files.readString(task.resolve("comm")).trim().equals("java")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    most = Math.max(most, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
                } catch (IOException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return most;
    }

    /** Whether the launcher gave the service a class archive (platform/devstack ClassArchive). */
    private static String classArchive(List<String> command) {
        if (command.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="))) {
            return "used";
        }
        if (command.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="))) {
            return "none yet (this start records it: first start after a build)";
        }
        return "none";
    }

    private static List<String> cmdline(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        List<String> args = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        // the launcher wraps each service in setpriv (pdeathsig); run the JVM itself
        int java = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).endsWith("/java")) {
                java = i;
                break;
            }
        }
        return new ArrayList<>(args.subList(java, args.size()));
    }

    private static Map<String, String> environ(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
