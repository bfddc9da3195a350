package club.questmaster.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own speed on our SQL: pgbench (Debian's postgresql-client) runs a script against the stack's server. */
final class Pgbench {

    record Result(double tps, double latencyMs, long transactions, long failed) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private Pgbench() {
    }

    static String binary() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("pgbench not found: apt-get install -y postgresql-client (benchmarks/run does it)");
    }

    /** Runs the classpath script {@code resource} with the given variables, {@code clients} connections. */
    static Result run(String database, String resource, Map<String, String> vars, int clients, double seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("qm-pgbench-", ".sql");
        try (InputStream in = Pgbench.class.getResourceAsStream("/pgbench/" + resource)) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(binary(), "-h", "127.0.0.1", "-p", Integer.toString(Stack.PG_PORT),
                "-U", "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T",
                Integer.toString((int) Math.ceil(seconds)), "-f", script.toString()));
        vars.forEach((k, v) -> {
            cmd.add("-D");
            cmd.add(k + "=" + v);
        });
        cmd.add(database);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "postgres");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.deleteIfExists(script);
        Matcher tps = TPS.matcher(out);
        if (code != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (" + code + "):\n" + out);
        }
        Matcher lat = LATENCY.matcher(out);
        Matcher processed = PROCESSED.matcher(out);
        Matcher failed = FAILED.matcher(out);
        return new Result(Double.parseDouble(tps.group(1)), lat.find() ? Double.parseDouble(lat.group(1)) : Double.NaN,
                processed.find() ? Long.parseLong(processed.group(1)) : -1,
                failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }
}
