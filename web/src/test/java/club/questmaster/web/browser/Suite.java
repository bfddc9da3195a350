package club.questmaster.web.browser;

import club.questmaster.devstack.DevStack;
import club.questmaster.devstack.SuiteServices;
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
 * The whole suite as it runs for real, started once for every browser test of this module: a throwaway devstack
 * (PostgreSQL with one database per service, Kafka with the contract's topics) and every packaged service of
 * services.conf (the four APIs and web) as child JVMs on free ports. users-service signs with the published test key
 * and the others trust its public half; its superuser is {@code admin} / {@link #ADMIN_PASSWORD}.
 */
final class Suite implements AutoCloseable {

    static final String ADMIN_PASSWORD = "browser-test-admin";
    /** web's session key (QM_WEB_SESSION_KEY), so a test can open and reseal the cookie its browser holds. */
    static final byte[] SESSION_KEY = "browser-tests-session-key-32-byt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static Suite running;

    final DevStack stack;
    private final Map<String, ServiceProcess> services;

    private Suite(DevStack stack, Map<String, ServiceProcess> services) {
        this.stack = stack;
        this.services = services;
    }

    /** The one suite of this test run (the IT classes share it; it stops when the JVM does). */
    static synchronized Suite get() throws IOException {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "browser-suite-stop"));
        }
        return running;
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    String web() {
        return url("web");
    }

    /** SIGTERM to one service (a service that is down); the others keep running. */
    void stop(String service) {
        services.get(service).stop();
    }

    private static Suite start() throws IOException {
        long started = System.nanoTime();
        Path servicesDir = Path.of(System.getProperty("services.dir", "..")).toAbsolutePath().normalize();
        List<SuiteServices.Service> list = SuiteServices.of(servicesDir);
        List<String> databases = list.stream().flatMap(s -> s.database().stream()).toList();
        DevStack stack = DevStack.start(DevStack.Options.throwaway(databases, Topic.CONTRACT));
        try {
            Path logs = Files.createDirectories(Path.of("target", "browser-logs")).toAbsolutePath();
            Path privateKey = copy("questmaster-test-keys/private.pem", logs.resolve("test-private.pem"));
            Path publicKey = copy("questmaster-test-keys/public.pem", logs.resolve("test-public.pem"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            list.forEach(s -> ports.put(s.name(), ServiceProcess.freePort()));
            Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
            for (SuiteServices.Service service : list) {
                Map<String, String> env = new LinkedHashMap<>(service.database().map(stack::environment).orElse(Map.of()));
                env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service.name())));
                env.put("QM_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
                list.forEach(other -> env.put(other.urlVariable(), "http://127.0.0.1:" + ports.get(other.name())));
                if (service.name().equals("users-service")) {
                    env.put("QM_JWT_PRIVATE_KEY_LOCATION", privateKey.toString());
                    env.put("QM_ADMIN_PASSWORD", ADMIN_PASSWORD);
                    // Test passwords: bcrypt's cheapest cost keeps each login in milliseconds.
                    env.put("QUESTMASTER_USERS_PASSWORD_BCRYPT_COST", "4");
                    // Every login of these tests comes from 127.0.0.1 (a few dozen a minute), like users-service's
                    // own suite, which turns the per-address limit off too.
                    env.put("QUESTMASTER_USERS_RATE_LIMIT_ENABLED", "false");
                }
                if (service.name().equals("web")) {
                    env.put("QM_WEB_SESSION_KEY", java.util.Base64.getEncoder().encodeToString(SESSION_KEY));
                }
                starting.put(service.name(), CompletableFuture.supplyAsync(() -> launch(servicesDir, service.name(),
                        ports.get(service.name()), env, logs)));
            }
            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            try {
                starting.forEach((name, future) -> services.put(name, future.join()));
            } catch (CompletionException e) {
                starting.values().forEach(f -> f.thenAccept(ServiceProcess::kill));
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
            }
            System.out.printf("[browser-tests] suite of %d services ready in %.1f s%n", services.size(),
                    (System.nanoTime() - started) / 1e9);
            return new Suite(stack, services);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = Suite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath (platform-testing)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static ServiceProcess launch(Path servicesDir, String service, int port, Map<String, String> env, Path logs) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        try {
            return ServiceProcess.start(servicesDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                    env, port, jvm, logs.resolve(service + ".log"), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            services.values().forEach(ServiceProcess::stop);
        } finally {
            stack.close();
        }
    }
}
