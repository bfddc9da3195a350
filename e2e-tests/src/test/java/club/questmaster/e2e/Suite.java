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
 * The suite as it runs for real, minus users-service: a throwaway devstack (PostgreSQL with one database per service,
 * Kafka with the contract's topics) and the packaged games-service and trophies-service as child JVMs on free ports,
 * trusting the published test key. Users are fed to the services' projections through questmaster.user-events.
 */
final class Suite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    final DevStack stack;
    final ServiceProcess games;
    private final Path servicesDir;
    private final Path publicKey;
    private final Path logs;
    private volatile ServiceProcess trophies;

    private Suite(DevStack stack, ServiceProcess games, ServiceProcess trophies, Path servicesDir, Path publicKey,
            Path logs) {
        this.stack = stack;
        this.games = games;
        this.trophies = trophies;
        this.servicesDir = servicesDir;
        this.publicKey = publicKey;
        this.logs = logs;
    }

    ServiceProcess trophies() {
        return trophies;
    }

    /** SIGKILL: no shutdown hook, no offset commit, no transaction completion. */
    void killTrophies() {
        trophies.kill();
    }

    /** A new trophies-service process on the same database and broker (same consumer group). */
    void startTrophies() {
        trophies = launch(stack, servicesDir, "trophies-service", "trophies", publicKey, logs);
    }

    static Suite start() throws IOException {
        DevStack stack = DevStack.start(DevStack.Options.throwaway(List.of("games", "trophies"), Topic.CONTRACT));
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
                    "games-service", "games", publicKey, logs));
            CompletableFuture<ServiceProcess> trophies = CompletableFuture.supplyAsync(() -> launch(stack,
                    servicesDir, "trophies-service", "trophies", publicKey, logs));
            try {
                return new Suite(stack, games.join(), trophies.join(), servicesDir, publicKey, logs);
            } catch (CompletionException e) {
                games.thenAccept(ServiceProcess::kill);
                trophies.thenAccept(ServiceProcess::kill);
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
            }
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static ServiceProcess launch(DevStack stack, Path servicesDir, String service, String database,
            Path publicKey, Path logs) {
        Map<String, String> env = new LinkedHashMap<>(stack.environment(database));
        env.put("QM_JWT_PUBLIC_KEY_LOCATION", publicKey.toAbsolutePath().toString());
        int port = ServiceProcess.freePort();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m"));
        if (service.equals("trophies-service")) {
            // A killed consumer leaves its group when its session expires: 10 s rather than 45 s keeps the crash
            // test short.
            jvm.add("-Dmp.messaging.incoming.game-events.session.timeout.ms=10000");
            jvm.add("-Dmp.messaging.incoming.game-events.heartbeat.interval.ms=3000");
        }
        try {
            return ServiceProcess.start(servicesDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                    env, port, jvm, logs.resolve(service + ".log").toAbsolutePath(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            games.stop();
        } finally {
            try {
                trophies.stop();
            } finally {
                stack.close();
            }
        }
    }
}
