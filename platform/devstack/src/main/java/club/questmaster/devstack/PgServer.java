package club.questmaster.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the binaries zonky publishes on Maven Central, run as a plain child process
 * (never daemonized by pg_ctl, so it cannot be orphaned).
 */
final class PgServer implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final boolean keepData;

    private PgServer(Process process, int port, Path dataDir, boolean keepData) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    int port() {
        return port;
    }

    /**
     * @param binCache  where the binaries are extracted once and reused (must be reachable by nobody when root)
     * @param dataDir   the cluster's data directory; initialised when empty
     * @param durable   false for throwaway test clusters: fsync and full-page writes off
     */
    static PgServer start(Path binCache, Path dataDir, int port, List<String> databases, boolean durable,
            boolean keepData, Path logFile) throws IOException, InterruptedException {
        Path bin = extractBinaries(binCache).resolve("bin");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            StackFiles.deleteRecursively(dataDir);
            Files.createDirectories(dataDir);
            StackFiles.chownToNobody(dataDir);
            run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-locale", "-N", "-D", dataDir.toString()), null, logFile);
        }
        createDatabases(bin, dataDir, databases, logFile);

        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=" + BindAddress.listen(), "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB", "-c", "synchronous_commit=off"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "full_page_writes=off"));
        }
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.guarded(command, "INT", true))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process process = ChildProcesses.start(builder);
        PgServer server = new PgServer(process, port, dataDir, keepData);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with " + process.exitValue() + ":\n" + StackFiles.tail(logFile, 20));
            }
            if (logSince(logFile, logStart).contains("database system is ready to accept connections")) {
                return server;
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IOException("PostgreSQL did not start in 60 s:\n" + StackFiles.tail(logFile, 20));
            }
            Thread.sleep(50);
        }
    }

    private static String logSince(Path logFile, long offset) throws IOException {
        if (!Files.exists(logFile)) {
            return "";
        }
        byte[] all = Files.readAllBytes(logFile);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /**
     * Creates the missing databases in single-user mode, before the server starts: the binaries ship no client, and
     * this needs none. "already exists" errors of a kept cluster are expected and ignored.
     */
    private static void createDatabases(Path bin, Path dataDir, List<String> databases, Path logFile)
            throws IOException, InterruptedException {
        StringBuilder sql = new StringBuilder();
        for (String db : databases) {
            if (!db.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("bad database name " + db);
            }
            sql.append("CREATE DATABASE ").append(db).append(";\n");
        }
        run(List.of(bin.resolve("postgres").toString(), "--single", "-D", dataDir.toString(), "-F", "postgres"),
                sql.toString(), logFile);
    }

    private static void run(List<String> command, String stdin, Path logFile) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.guarded(command, "KILL", true))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process process = ChildProcesses.start(builder);
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed:\n" + StackFiles.tail(logFile, 20));
        }
    }

    /** Extracts the archive once per binary version; concurrent extractions race safely through an atomic rename. */
    private static Path extractBinaries(Path cache) throws IOException, InterruptedException {
        long size;
        try (InputStream in = archive()) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        Path target = cache.resolve("pg-bin-" + size);
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Files.createDirectories(cache);
        StackFiles.openToAll(cache);
        Path tmp = Files.createTempDirectory(cache, "pg-bin-extract");
        StackFiles.openToAll(tmp);
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", tmp.toString())
                .redirectErrorStream(true).start();
        try (InputStream in = archive(); OutputStream out = tar.getOutputStream()) {
            in.transferTo(out);
        }
        String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IOException("could not extract PostgreSQL binaries: " + tarOutput);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            StackFiles.deleteRecursively(tmp);
        } catch (IOException e) {
            if (!Files.exists(target.resolve("bin/postgres"))) {
                throw e;
            }
            StackFiles.deleteRecursively(tmp);
        }
        return target;
    }

    private static InputStream archive() throws IOException {
        InputStream in = PgServer.class.getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IOException(ARCHIVE + " is missing from the devstack jar: build it with ./mvnw package");
        }
        return in;
    }

    /**
     * Fault tests: a fast shutdown keeping the data, then the same cluster started again on the same port (clients
     * see their connections closed, then refused, then accepted again, as in a real restart or failover).
     */
    PgServer restart(Path binCache, boolean durable, Path logFile, java.time.Duration down)
            throws IOException, InterruptedException {
        stop();
        Thread.sleep(down.toMillis());
        return start(binCache, dataDir, port, List.of(), durable, keepData, logFile);
    }

    /** Stops the server and keeps its data directory (see {@link #restart}). */
    void stop() {
        ChildProcesses.stop(process, "INT", 15_000);
    }

    @Override
    public void close() {
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
        ChildProcesses.stop(process, "INT", 15_000);
        if (!keepData) {
            StackFiles.deleteRecursively(dataDir);
        }
    }
}
