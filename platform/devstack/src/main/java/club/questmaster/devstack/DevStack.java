package club.questmaster.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A real PostgreSQL and a real Kafka broker, started in parallel by this JVM and stopped with it.
 *
 * <p>Used two ways: by the test resource of every service (throwaway data, free ports) and by the suite
 * {@link Launcher} (kept data, fixed ports).
 */
public final class DevStack implements AutoCloseable {

    /**
     * @param pgBinCache binaries cache (reachable by uid nobody when root)
     * @param pgDataDir  PostgreSQL data directory
     * @param kafkaDir   broker work and log directory
     * @param keepData   keep the data at close (the run command), or delete it (tests)
     * @param pgPort     0 for a free port
     * @param kafkaPort  0 for a free port
     */
    public record Options(Path pgBinCache, Path pgDataDir, Path kafkaDir, Path logDir, boolean keepData, int pgPort,
            int kafkaPort, List<String> databases, List<Topic> topics) {

        /** Throwaway stack for a test run: everything under the temp dir, free ports, one database per name. */
        public static Options throwaway(List<String> databases, List<Topic> topics) throws IOException {
            Path base = Path.of(System.getProperty("devstack.dir",
                    System.getenv().getOrDefault("DEVSTACK_DIR", System.getProperty("java.io.tmpdir"))),
                    "questmaster-devstack");
            Files.createDirectories(base);
            StackFiles.openToAll(base);
            Path run = Files.createTempDirectory(base, "run-");
            StackFiles.openToAll(run);
            return new Options(base, run.resolve("pg"), run.resolve("kafka"), run, false, 0, 0, databases, topics);
        }
    }

    private volatile PgServer pg;
    private final KafkaBroker kafka;
    private final Options options;

    private DevStack(PgServer pg, KafkaBroker kafka, Options options) {
        this.pg = pg;
        this.kafka = kafka;
        this.options = options;
    }

    public static DevStack start(Options options) throws IOException {
        Files.createDirectories(options.logDir());
        int pgPort = options.pgPort() == 0 ? StackFiles.freePort() : options.pgPort();
        int kafkaPort = options.kafkaPort() == 0 ? StackFiles.freePort() : options.kafkaPort();
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaBroker.start(options.kafkaDir(), kafkaPort, options.topics(), options.keepData(),
                        options.logDir().resolve("kafka.log"));
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        PgServer pg;
        try {
            pg = PgServer.start(options.pgBinCache(), options.pgDataDir(), pgPort, options.databases(),
                    options.keepData(), options.keepData(), options.logDir().resolve("postgres.log"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            kafka.thenAccept(KafkaBroker::close);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
        try {
            return new DevStack(pg, kafka.join(), options);
        } catch (CompletionException e) {
            pg.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    public int pgPort() {
        return pg.port();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + pg.port() + "/" + database;
    }

    /** Quarkus configuration pointing a service at this stack (the server trusts local connections). */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", bootstrapServers());
        return config;
    }

    /** The same configuration as environment variables, for a service started as a child process. */
    public Map<String, String> environment(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        quarkusConfig(database).forEach((key, value) ->
                env.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return env;
    }

    /**
     * Restarts PostgreSQL for real (fast shutdown, {@code down} without a server, start on the same port and data):
     * for fault tests. Returns once it accepts connections again.
     */
    public synchronized void restartPostgres(java.time.Duration down) throws IOException {
        try {
            pg = pg.restart(options.pgBinCache(), options.keepData(), options.logDir().resolve("postgres.log"), down);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restarting PostgreSQL", e);
        }
    }

    /** Freezes the broker (SIGSTOP): connections stay open, nothing answers. For fault tests; see {@link #thawKafka}. */
    public void freezeKafka() throws IOException {
        signalKafka("STOP");
    }

    /** Resumes a frozen broker (SIGCONT). */
    public void thawKafka() throws IOException {
        signalKafka("CONT");
    }

    private void signalKafka(String signal) throws IOException {
        try {
            kafka.signal(signal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling Kafka", e);
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> stopKafka = CompletableFuture.runAsync(kafka::close);
        pg.close();
        stopKafka.join();
        if (!options.keepData()) {
            StackFiles.deleteRecursively(options.logDir());
        }
    }
}
