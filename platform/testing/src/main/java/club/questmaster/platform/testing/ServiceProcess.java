package club.questmaster.platform.testing;

import club.questmaster.devstack.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a child JVM, for tests that must crash a
 * service for real: {@link #kill()} is a SIGKILL (no shutdown hook, no flush, no commit), {@link #stop()} a SIGTERM
 * (graceful shutdown). {@link #start} returns once {@code /q/health/ready} answers 200.
 *
 * <p>The child can never outlive the test JVM: like devstack's children it runs under {@code setpriv --pdeathsig=KILL},
 * and is forked from one long-lived daemon thread, because PR_SET_PDEATHSIG fires when the <em>forking thread</em>
 * dies, not the process. Its stdout and stderr go to a log file (see {@link #log()}), whose tail is put into the
 * exception when the service does not become ready.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Time a service gets to become ready (Flyway, Kafka, first poll) on a busy 2-core machine. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code java -jar <jar>} with {@code env} added to this JVM's environment and {@code QUARKUS_HTTP_PORT}
     * set to {@code port} (unless {@code env} sets it), logging to a new temp file; waits until ready.
     */
    public static ServiceProcess start(Path jar, Map<String, String> env, int port) throws IOException {
        Path log = Files.createTempFile("service-" + port + "-", ".log");
        return start(jar, env, port, List.of(), log, DEFAULT_READY_TIMEOUT);
    }

    /**
     * @param jvmArgs      extra JVM options (e.g. {@code -Xmx256m}), placed before {@code -jar}
     * @param log          file receiving the child's stdout and stderr (appended, so a restart keeps the first run)
     * @param readyTimeout how long to wait for {@code /q/health/ready} to answer 200
     */
    public static ServiceProcess start(Path jar, Map<String, String> env, int port, List<String> jvmArgs, Path log,
            Duration readyTimeout) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " does not exist: package the service first (mvn package / verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());

        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.guarded(command, "KILL", false))
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("QUARKUS_HTTP_PORT", Integer.toString(port));

        Process process = ChildProcesses.start(builder);
        ServiceProcess service = new ServiceProcess(process, port, log);
        try {
            service.awaitReady(readyTimeout);
        } catch (IOException | RuntimeException e) {
            service.kill();
            throw e;
        }
        return service;
    }

    /** A port nobody listens on right now and that the local stack did not take (for the child's HTTP port). */
    public static int freePort() {
        return ChildProcesses.freePort();
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + " before it was ready; log "
                        + log + ":\n" + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for readiness", e);
            }
            sleep(250);
        }
        throw new IOException("the service was not ready within " + timeout + " (last answer: " + last + "); log "
                + log + ":\n" + logTail());
    }

    /** SIGKILL, as a crash or an OOM kill would do it; returns once the process is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit(STOP_TIMEOUT);
    }

    /** SIGTERM, as Kubernetes stops a pod (graceful shutdown); SIGKILL when it does not exit within 30 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(STOP_TIMEOUT)) {
            kill();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The file holding the child's stdout and stderr. */
    public Path log() {
        return log;
    }

    /** The last 60 lines of the log (for failure messages). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service gracefully if it still runs. */
    @Override
    public void close() {
        stop();
    }
}
