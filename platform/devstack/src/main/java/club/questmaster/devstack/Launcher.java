package club.questmaster.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import club.questmaster.devstack.SuiteServices.Service;

/**
 * The run command of the suite: PostgreSQL, Kafka and the services of {@code services.conf} (the four APIs and the
 * web pages), until Ctrl-C or SIGTERM.
 *
 * <p>Usage: {@code java -jar devstack.jar [--dir .devstack] [--fresh] [--root .]}. The {@code ./questmaster} script
 * builds what is needed first and is the documented entry point.
 */
public final class Launcher {

    static final int PG_PORT = 55432;
    static final int KAFKA_PORT = 9092;
    static final String DEFAULT_ADMIN_PASSWORD = "questmaster-admin";
    static final String READY_BANNER = "QuestMaster is ready";
    /** The service whose address is the one to open in a browser. */
    static final String WEB = "web";

    private final Path root;
    private final List<Service> services;
    private final Path dir;
    private final long started = System.nanoTime();
    private final Map<Service, Process> processes = new ConcurrentHashMap<>();
    private final Map<Service, ClassArchive> archives = new ConcurrentHashMap<>();
    private volatile DevStack stack;
    private volatile boolean stopping;

    private Launcher(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
        this.services = SuiteServices.of(root);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path dir = null;
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--dir" -> dir = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("unknown option " + args[i] + "\nusage: devstack [--dir DIR] [--root DIR] [--fresh]");
                    System.exit(2);
                }
            }
        }
        Launcher launcher = new Launcher(root, dir == null ? root.resolve(".devstack") : dir);
        System.exit(launcher.run(fresh));
    }

    private int run(boolean fresh) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        try (RandomAccessFile lockFile = new RandomAccessFile(dir.resolve("launcher.lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().tryLock()) {
            if (lock == null) {
                System.err.println("Another QuestMaster launcher is running (" + dir.resolve("launcher.pid")
                        + "); stop it first: ./questmaster down");
                return 1;
            }
            Files.writeString(dir.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
            return runLocked(fresh);
        }
    }

    private int runLocked(boolean fresh) throws Exception {
        for (Service service : services) {
            Path jar = jar(service);
            if (!Files.exists(jar)) {
                System.err.println("Missing " + jar + ": build first (./questmaster up does it, or ./mvnw package -DskipTests)");
                return 1;
            }
        }
        List<Integer> ports = new ArrayList<>(List.of(PG_PORT, KAFKA_PORT));
        services.forEach(service -> ports.add(service.port()));
        for (int port : ports) {
            if (StackFiles.portInUse(port)) {
                System.err.println("Port " + port + " is already in use on 127.0.0.1; stop what holds it first.");
                return 1;
            }
        }
        Path data = dir.resolve("data");
        // PostgreSQL runs as nobody when we are root; it must be able to reach its files.
        Path pgBase = ChildProcesses.runningAsRoot() && !StackFiles.traversableByOthers(dir)
                ? Path.of("/var/tmp", "questmaster-devstack-" + Integer.toHexString(dir.toString().hashCode()))
                : dir;
        if (fresh) {
            progress("--fresh: deleting local data in " + data + (pgBase.equals(dir) ? "" : " and " + pgBase.resolve("pg-data")));
            StackFiles.deleteRecursively(data);
            StackFiles.deleteRecursively(pgBase.resolve("pg-data"));
        }
        Files.createDirectories(pgBase);
        StackFiles.openToAll(pgBase);
        DevKeys.Paths keys = DevKeys.ensure(dir.resolve("keys"));
        String adminPassword = System.getenv().getOrDefault("QM_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD);

        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "devstack-shutdown"));

        progress("starting PostgreSQL on 127.0.0.1:" + PG_PORT + " and Kafka on 127.0.0.1:" + KAFKA_PORT + " …");
        List<String> databases = databases();
        stack = DevStack.start(new DevStack.Options(pgBase.resolve("pg-bin"), pgBase.resolve("pg-data"),
                data.resolve("kafka"), dir.resolve("logs"), true, PG_PORT, KAFKA_PORT, databases, Topic.CONTRACT));
        progress("PostgreSQL and Kafka are up (topics: "
                + String.join(", ", Topic.CONTRACT.stream().map(Topic::name).toList()) + ")");

        for (Service service : services) {
            Map<String, String> env = new LinkedHashMap<>(service.database().map(stack::environment).orElse(Map.of()));
            env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
            // Where the others are (web calls the four APIs through these).
            services.forEach(other -> env.put(other.urlVariable(), other.url()));
            env.put("QM_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
            if (service.name().equals("users-service")) {
                env.put("QM_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
                env.put("QM_ADMIN_PASSWORD", adminPassword);
            }
            processes.put(service, startService(service, env));
            ClassArchive archive = archives.get(service);
            progress("starting " + service.name() + " on " + service.url() + " …" + (archive == null ? ""
                    : archive.mode() == ClassArchive.Mode.USE ? " (class archive)"
                    : " (recording its class archive, used from the next start)"));
        }
        if (!awaitReady()) {
            return 1;
        }
        printSummary(adminPassword);
        watch();
        return 0;
    }

    private List<String> databases() {
        return services.stream().flatMap(service -> service.database().stream()).toList();
    }

    private Path jar(Service service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The JVM options of every service, unless QM_JAVA_OPTS replaces them: a small heap that grows (32 MB at start,
     * 256 MB at most) with the serial collector (one GC thread, no concurrent-collector overhead, for services that
     * idle most of the time), a 64 MB code cache and 512 KB thread stacks.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k";

    private Process startService(Service service, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> javaOpts = List.of(System.getenv().getOrDefault("QM_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim()
                .split("\\s+"));
        command.addAll(javaOpts);
        if (!"off".equals(System.getenv("QM_CLASS_ARCHIVE"))) {
            ClassArchive archive = ClassArchive.plan(service.name(), jar(service).getParent(),
                    dir.resolve("class-archives"), javaOpts);
            archives.put(service, archive);
            command.addAll(archive.jvmOptions());
        }
        command.add("-jar");
        command.add(jar(service).toString());
        Path log = dir.resolve("logs").resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.guarded(command, "TERM", false))
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), and freed native memory
        // stays in them: two arenas are enough for a service's native allocations and cap that part of its RSS.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        return ChildProcesses.start(builder);
    }

    private boolean awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<Service> pending = new ArrayList<>(services);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!pending.isEmpty()) {
            for (Service service : List.copyOf(pending)) {
                Process process = processes.get(service);
                if (!process.isAlive()) {
                    System.err.println("\n" + service.name() + " exited with " + process.exitValue() + "; last lines of "
                            + dir.resolve("logs").resolve(service.name() + ".log") + ":\n"
                            + StackFiles.tail(dir.resolve("logs").resolve(service.name() + ".log"), 40));
                    return false;
                }
                if (ready(http, service)) {
                    pending.remove(service);
                    progress(service.name() + " is ready");
                }
            }
            if (System.nanoTime() > deadline) {
                System.err.println("Not ready after 180 s: " + pending.stream().map(Service::name).toList()
                        + "; see " + dir.resolve("logs"));
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private static boolean ready(HttpClient http, Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printSummary(String adminPassword) {
        StringBuilder out = new StringBuilder();
        out.append("\n").append(READY_BANNER).append(String.format(" in %.1f s%n%n", seconds()));
        for (Service service : services) {
            if (service.name().equals(WEB)) {
                // The pages: the address a person opens.
                out.append(String.format("  %-17s %s/   (the community's pages)%n", service.name(), service.url()));
            } else {
                out.append(String.format("  %-17s %s/api/v1   OpenAPI UI %s/q/swagger-ui   health %s/q/health%n",
                        service.name(), service.url(), service.url(), service.url()));
            }
        }
        services.stream().filter(service -> service.name().equals(WEB)).findFirst().ifPresent(web ->
                out.append(String.format("%n  Open %s/ in a browser.%n", web.url())));
        out.append(String.format("%n  Kafka             127.0.0.1:%d%n", KAFKA_PORT));
        out.append(String.format("  PostgreSQL        127.0.0.1:%d (databases %s; user postgres)%n", PG_PORT,
                String.join(", ", databases())));
        out.append(String.format("  Admin login       admin / %s%n", adminPassword));
        out.append(String.format("  Logs              %s%n", dir.resolve("logs")));
        out.append("\n  Stop with Ctrl-C (or ./questmaster down when detached). Data is kept; --fresh starts empty.\n");
        System.out.println(out);
        System.out.flush();
    }

    /** Stays up while the services run; reports a service that dies instead of hiding it. */
    private void watch() throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        for (var entry : processes.entrySet()) {
            entry.getValue().onExit().thenRun(() -> {
                if (!stopping) {
                    System.err.println("[devstack] " + entry.getKey().name() + " exited with "
                            + entry.getValue().exitValue() + "; see " + dir.resolve("logs"));
                }
            });
        }
        forever.await();
    }

    private synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        progress("stopping …");
        List<Thread> stoppers = new ArrayList<>();
        processes.forEach((service, p) -> {
            // Writing a class archive on the way out takes seconds more (8 s seen on a loaded machine).
            ClassArchive archive = archives.get(service);
            long budget = archive != null && archive.mode() == ClassArchive.Mode.RECORD ? 40_000 : 20_000;
            Thread t = new Thread(() -> ChildProcesses.stop(p, "TERM", budget));
            t.start();
            stoppers.add(t);
        });
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        archives.forEach((service, archive) -> {
            Process process = processes.get(service);
            try {
                if (process != null && !process.isAlive()) {
                    archive.settle(service.name(), process.exitValue());
                }
            } catch (IOException e) {
                System.err.println("[devstack] class archive of " + service.name() + " not kept: " + e.getMessage());
            }
        });
        if (stack != null) {
            stack.close();
        }
        try {
            Files.deleteIfExists(dir.resolve("launcher.pid"));
        } catch (IOException e) {
            // best effort
        }
        progress("stopped");
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void progress(String message) {
        System.out.printf("[%5.1fs] %s%n", seconds(), message);
        System.out.flush();
    }
}
