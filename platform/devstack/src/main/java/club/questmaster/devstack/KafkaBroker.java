package club.questmaster.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real Apache Kafka broker in KRaft combined mode, run as a child JVM on the broker's own classpath. */
final class KafkaBroker implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path workDir;
    private final boolean keepData;

    private KafkaBroker(Process process, int port, Path workDir, boolean keepData) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.keepData = keepData;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    static KafkaBroker start(Path workDir, int port, List<Topic> topics, boolean keepData, Path logFile)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int controllerPort = StackFiles.freePort();
        Path properties = workDir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                // The client listener binds 127.0.0.1 unless QM_BIND_ADDRESS opens it; the controller never leaves it.
                "listeners=PLAINTEXT://" + BindAddress.listen() + ":" + port + ",CONTROLLER://127.0.0.1:"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://" + BindAddress.advertised() + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=720",
                "") );
        Path classes = workDir.resolve("classes/club/questmaster/devstack");
        Files.createDirectories(classes);
        try (InputStream in = KafkaBroker.class.getResourceAsStream("KafkaMain.class")) {
            Files.copy(in, classes.resolve("KafkaMain.class"), StandardCopyOption.REPLACE_EXISTING);
        }
        String brokerClasspath;
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-classpath.txt")) {
            if (in == null) {
                throw new IOException("kafka-classpath.txt is missing from the devstack jar: build it with ./mvnw package");
            }
            brokerClasspath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Path clusterIdFile = workDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            // Kafka cluster ids are 16 random bytes, base64url without padding; one starting with '-' would read as an
            // option on the storage tool's command line, so such ids are never minted.
            String clusterId;
            do {
                UUID uuid = UUID.randomUUID();
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
                clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            } while (clusterId.startsWith("-"));
            Files.writeString(clusterIdFile, clusterId);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", workDir.resolve("classes") + java.io.File.pathSeparator + brokerClasspath,
                KafkaMain.class.getName(), properties.toString(), Files.readString(clusterIdFile).trim(),
                "127.0.0.1:" + port));
        topics.forEach(t -> command.add(t.spec()));
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.guarded(command, "KILL", false))
                .redirectErrorStream(true);
        Process process = ChildProcesses.start(builder);
        KafkaBroker broker = new KafkaBroker(process, port, workDir, keepData);
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process.getInputStream(), logFile, ready), "devstack-kafka-log");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IOException("Kafka exited before it was ready:\n" + StackFiles.tail(logFile, 30));
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            broker.close();
            throw new IOException("Kafka did not start in 120 s:\n" + StackFiles.tail(logFile, 30), e);
        }
        return broker;
    }

    private static void pump(InputStream in, Path logFile, CompletableFuture<Boolean> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains(KafkaMain.READY)) {
                    ready.complete(true);
                }
                log.println(line);
            }
        } catch (IOException e) {
            // The broker is gone; the waiter learns it below.
        }
        ready.complete(false);
    }

    /**
     * Fault tests: SIGSTOP (frozen: it neither answers nor refuses, the worst case for a client) or SIGCONT, to the
     * broker JVM and anything it started.
     */
    void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        // A kept log needs a controlled shutdown to restart quickly; a throwaway one is simply killed.
        ChildProcesses.stop(process, keepData ? "TERM" : "KILL", 15_000);
        if (!keepData) {
            StackFiles.deleteRecursively(workDir);
        }
    }
}
