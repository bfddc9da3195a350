package club.questmaster.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts every child process of the local stack so that none can outlive this JVM.
 *
 * <p>Children are wrapped in {@code setpriv --pdeathsig}: the kernel signals them when the thread that forked them
 * dies. PR_SET_PDEATHSIG is tied to the forking <em>thread</em>, not the process, so all children are forked from
 * one long-lived daemon thread that only dies with the JVM (including on SIGKILL).
 *
 * <p>Public for the test helpers that start packaged services the same way (platform-testing ServiceProcess).
 */
public final class ChildProcesses {

    /** uid/gid of "nobody": PostgreSQL refuses to run as root. */
    static final int NOBODY = 65534;

    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "devstack-spawner");
        t.setDaemon(true);
        return t;
    });

    private ChildProcesses() {
    }

    /** A free port on 127.0.0.1 that this JVM has not handed out before (to the stack or to another child). */
    public static int freePort() {
        return StackFiles.freePort();
    }

    static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            // Not Linux or no /proc: assume an ordinary user.
        }
        return false;
    }

    /**
     * The command wrapped so that the child gets {@code deathSignal} when we die, and runs as nobody when asked to
     * and we are root.
     */
    public static List<String> guarded(List<String> command, String deathSignal, boolean dropRoot) {
        List<String> wrapped = new ArrayList<>();
        wrapped.add("/usr/bin/setpriv");
        if (dropRoot && runningAsRoot()) {
            wrapped.add("--reuid=" + NOBODY);
            wrapped.add("--regid=" + NOBODY);
            wrapped.add("--clear-groups");
        }
        wrapped.add("--pdeathsig=" + deathSignal);
        wrapped.add("--");
        wrapped.addAll(command);
        return wrapped;
    }

    public static Process start(ProcessBuilder builder) throws IOException {
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** Sends a signal by name (Java can only send TERM and KILL itself). */
    static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Signals the process and waits; kills it when it does not stop in time. */
    static void stop(Process process, String signal, long timeoutMillis) {
        if (process == null || !process.isAlive()) {
            return;
        }
        signal(process, signal);
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
