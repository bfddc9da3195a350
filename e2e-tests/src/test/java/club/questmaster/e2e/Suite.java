package club.questmaster.e2e;

import club.questmaster.devstack.DevStack;
import club.questmaster.devstack.Topic;
import club.questmaster.platform.testing.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The suite as it runs for real: a throwaway devstack (PostgreSQL with one database per service, Kafka with the
 * contract's topics) and the packaged games-service, trophies-service and audit-service as child JVMs on free ports,
 * trusting the published test key; the packaged users-service too, once a test asks for it ({@link #users()}).
 * Without it, users are fed to the services' projections through questmaster.user-events. One suite serves every *IT class of the run ({@link #shared()}): starting it is most of an
 * end-to-end test's cost.
 */
final class Suite implements AutoCloseable {

    /**
     * trophies-service retries with at most 1 s between attempts (default 2 s), so that a 40 s database outage spans
     * more attempts than the 25 after which the consumer used to give an award up (FaultsIT).
     */
    static final String TROPHIES_MAX_BACKOFF = "1s";
    private static Suite shared;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    final DevStack stack;
    final ServiceProcess games;
    final ServiceProcess audit;
    private final Path servicesDir;
    private final Path publicKey;
    private final Path logs;
    private volatile ServiceProcess trophies;
    private ServiceProcess users;

    private Suite(DevStack stack, ServiceProcess games, ServiceProcess trophies, ServiceProcess audit,
            Path servicesDir, Path publicKey, Path logs) {
        this.stack = stack;
        this.games = games;
        this.trophies = trophies;
        this.audit = audit;
        this.servicesDir = servicesDir;
        this.publicKey = publicKey;
        this.logs = logs;
    }

    /** The run's suite, started on first use and stopped when the test JVM exits. */
    static synchronized Suite shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-suite-stop"));
        }
        return shared;
    }

    ServiceProcess trophies() {
        return trophies;
    }

    /**
     * The packaged users-service, started on first use (PrivacyIT, BotTokenIT): it signs with the published test key
     * that the other services trust, and its bootstrap superuser {@code admin} has {@link #SUPERUSER_PASSWORD}.
     */
    synchronized ServiceProcess users() {
        if (users == null) {
            Path privateKey = logs.resolve("test-private.pem");
            try (InputStream key = Suite.class.getClassLoader()
                    .getResourceAsStream("questmaster-test-keys/private.pem")) {
                if (key == null) {
                    throw new IOException("questmaster-test-keys/private.pem is not on the classpath");
                }
                Files.copy(key, privateKey, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            users = launch(stack, servicesDir, "users-service", "users", publicKey, logs,
                    Map.of("QM_JWT_PRIVATE_KEY_LOCATION", privateKey.toAbsolutePath().toString(),
                            "QM_ADMIN_PASSWORD", SUPERUSER_PASSWORD));
        }
        return users;
    }

    static final String SUPERUSER_PASSWORD = "e2e-superuser-password";

    /** SIGKILL: no shutdown hook, no offset commit, no transaction completion. */
    void killTrophies() {
        trophies.kill();
    }

    /** A new trophies-service process on the same database and broker (same consumer group). */
    void startTrophies() {
        trophies = launch(stack, servicesDir, "trophies-service", "trophies", publicKey, logs, Map.of());
    }

    private static Suite start() throws IOException {
        DevStack stack = DevStack.start(DevStack.Options.throwaway(List.of("games", "trophies", "audit", "users"),
                Topic.CONTRACT));
        try {
            // For KafkaProbe / UserEvents in this JVM: set before anything reads MicroProfile Config.
            System.setProperty("kafka.bootstrap.servers", stack.bootstrapServers());
            Path servicesDir = Path.of(System.getProperty("services.dir", "..")).toAbsolutePath().normalize();
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path publicKey = logs.resolve("test-public.pem");
            try (InputStream key = Suite.class.getClassLoader()
                    .getResourceAsStream("questmaster-test-keys/public.pem")) {
                if (key == null) {
                    throw new IOException("questmaster-test-keys/public.pem is not on the classpath (platform-testing)");
                }
                Files.copy(key, publicKey, StandardCopyOption.REPLACE_EXISTING);
            }
            CompletableFuture<ServiceProcess> games = CompletableFuture.supplyAsync(() -> launch(stack, servicesDir,
                    "games-service", "games", publicKey, logs, Map.of()));
            CompletableFuture<ServiceProcess> trophies = CompletableFuture.supplyAsync(() -> launch(stack,
                    servicesDir, "trophies-service", "trophies", publicKey, logs, Map.of()));
            CompletableFuture<ServiceProcess> audit = CompletableFuture.supplyAsync(() -> launch(stack,
                    servicesDir, "audit-service", "audit", publicKey, logs, Map.of()));
            try {
                return new Suite(stack, games.join(), trophies.join(), audit.join(), servicesDir, publicKey, logs);
            } catch (CompletionException e) {
                games.thenAccept(ServiceProcess::kill);
                trophies.thenAccept(ServiceProcess::kill);
                audit.thenAccept(ServiceProcess::kill);
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
            }
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static ServiceProcess launch(DevStack stack, Path servicesDir, String service, String database,
            Path publicKey, Path logs, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(stack.environment(database));
        env.put("QM_JWT_PUBLIC_KEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.putAll(extraEnv);
        int port = ServiceProcess.freePort();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m"));
        if (service.equals("trophies-service")) {
            // A killed consumer leaves its group when its session expires: 10 s rather than 45 s keeps the crash
            // test short.
            jvm.add("-Dmp.messaging.incoming.game-events.session.timeout.ms=10000");
            jvm.add("-Dmp.messaging.incoming.game-events.heartbeat.interval.ms=3000");
            jvm.add("-Dquestmaster.consumer.max-backoff=" + TROPHIES_MAX_BACKOFF);
        }
        if (service.equals("users-service")) {
            // The ITs log in a few dozen times from 127.0.0.1: above the production burst of 10.
            jvm.add("-Dquestmaster.users.rate-limit.burst=200");
        }
        try {
            return ServiceProcess.start(servicesDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                    env, port, jvm, logs.resolve(service + ".log").toAbsolutePath(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops every service at once (SIGTERM, SIGKILL after 30 s each), then the stack: one after the other, four
     * graceful shutdowns outlast the 30 s failsafe gives the test JVM to exit.
     */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(List.of(games, trophies, audit));
        synchronized (this) {
            if (users != null) {
                running.add(users);
            }
        }
        try {
            CompletableFuture.allOf(running.stream().map(service -> CompletableFuture.runAsync(service::stop))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            stack.close();
        }
    }
}
