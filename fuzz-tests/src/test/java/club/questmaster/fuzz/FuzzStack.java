package club.questmaster.fuzz;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite as it runs for real: a throwaway devstack and the four packaged services (prod profile) as child
 * JVMs on free ports, users-service signing with the published test key and every service trusting it.
 */
final class FuzzStack implements AutoCloseable {

    static final String ADMIN_PASSWORD = "fuzz-superuser-password";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    static final List<String> SERVICES = List.of("users-service", "games-service", "trophies-service", "audit-service");

    final DevStack stack;
    final Map<String, ServiceProcess> services;

    private FuzzStack(DevStack stack, Map<String, ServiceProcess> services) {
        this.stack = stack;
        this.services = services;
    }

    static FuzzStack start() throws IOException {
        DevStack stack = DevStack.start(DevStack.Options.throwaway(List.of("users", "games", "trophies", "audit"),
                Topic.CONTRACT));
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        try {
            System.setProperty("kafka.bootstrap.servers", stack.bootstrapServers());
            Path servicesDir = Path.of(System.getProperty("services.dir", "..")).toAbsolutePath().normalize();
            Path logs = Files.createDirectories(Path.of("target", "fuzz-logs"));
            Path publicKey = copy("questmaster-test-keys/public.pem", logs.resolve("test-public.pem"));
            Path privateKey = copy("questmaster-test-keys/private.pem", logs.resolve("test-private.pem"));
            Map<String, CompletableFuture<ServiceProcess>> launching = new LinkedHashMap<>();
            for (String service : SERVICES) {
                launching.put(service, CompletableFuture.supplyAsync(() -> launch(stack, servicesDir, service,
                        publicKey, privateKey, logs)));
            }
            for (Map.Entry<String, CompletableFuture<ServiceProcess>> l : launching.entrySet()) {
                started.put(l.getKey(), l.getValue().join());
            }
            return new FuzzStack(stack, started);
        } catch (RuntimeException e) {
            started.values().forEach(ServiceProcess::kill);
            stack.close();
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = FuzzStack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath (platform-testing)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target.toAbsolutePath();
    }

    private static ServiceProcess launch(DevStack stack, Path servicesDir, String service, Path publicKey,
            Path privateKey, Path logs) {
        String database = service.substring(0, service.indexOf('-'));
        Map<String, String> env = new LinkedHashMap<>(stack.environment(database));
        env.put("QM_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        if (service.equals("users-service")) {
            env.put("QM_JWT_PRIVATE_KEY_LOCATION", privateKey.toString());
            env.put("QM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }
        int port = ServiceProcess.freePort();
        List<String> jvm = List.of("-Xmx320m",
                // Four services migrate at once on a busy 2-core machine: the first connection may take a while.
                "-Dquarkus.datasource.jdbc.acquisition-timeout=60s",
                // The fuzz suite sends thousands of logins from one address: the limit and the hash cost would only
                // turn most of them into 429s before their body is looked at (LoginAbuseTest covers the limit).
                "-Dquestmaster.users.rate-limit.burst=1000000", "-Dquestmaster.users.password.bcrypt-cost=4");
        try {
            return ServiceProcess.start(servicesDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                    env, port, jvm, logs.resolve(service + ".log").toAbsolutePath(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    /**
     * Stops the services at once (one after the other, four graceful shutdowns outlast the 30 s failsafe gives the
     * test JVM), then the stack.
     */
    public void close() {
        try {
            CompletableFuture.allOf(services.values().stream()
                    .map(service -> CompletableFuture.runAsync(service::stop)).toArray(CompletableFuture[]::new)).join();
        } finally {
            stack.close();
        }
    }
}
