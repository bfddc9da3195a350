package club.questmaster.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local suite as ./questmaster up runs it: fixed ports, one database per service, the dev signing key. */
final class Stack {

    static final int PG_PORT = 55432;
    static final String KAFKA = "127.0.0.1:9092";
    /** The one list of the suite's services, as platform/devstack's launcher and ./questmaster read it. */
    static final String SERVICES_FILE = "services.conf";

    final Path root;
    final Path dir;
    /** Service name (its module directory) to HTTP port, in {@value #SERVICES_FILE}'s order. */
    final Map<String, Integer> services;

    Stack(Path root) throws IOException {
        this.root = root;
        this.dir = root.resolve(".devstack");
        this.services = services(Files.readAllLines(root.resolve(SERVICES_FILE)));
    }

    /**
     * Lines of {@code name port database}, blank lines and {@code #} comments skipped. Benchmarks is outside the
     * reactor, so it cannot use devstack's SuiteServices; like ./questmaster it reads only the first two fields.
     */
    static Map<String, Integer> services(List<String> lines) {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length < 2) {
                throw new IllegalArgumentException(
                        SERVICES_FILE + ": expected 'name port database', got '" + content + "'");
            }
            services.put(fields[0], Integer.parseInt(fields[1]));
        }
        return Collections.unmodifiableMap(services);
    }

    int port(String service) {
        Integer port = services.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service + " is not in " + SERVICES_FILE);
        }
        return port;
    }

    Connection db(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database, "postgres",
                "postgres");
    }

    void exec(String database, String... sql) throws SQLException {
        try (Connection c = db(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    long scalar(String database, String sql) throws SQLException {
        try (Connection c = db(database); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Jwt jwt() throws Exception {
        return new Jwt(dir.resolve("keys/jwt-private.pem"));
    }

    String jdbcUrl(String database) {
        return "postgresql://127.0.0.1:" + PG_PORT + "/" + database + "?user=postgres&password=postgres";
    }

    boolean running() {
        return Files.exists(dir.resolve("launcher.pid")) && portOpen(port("games-service"));
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** ./questmaster down; ./questmaster up --detach: the services started together. */
    List<String> restart(boolean fresh) throws IOException, InterruptedException {
        run(List.of("./questmaster", "down"));
        List<String> up = new ArrayList<>(List.of("./questmaster", "up", "--detach"));
        if (fresh) {
            up.add("--fresh");
        }
        run(up);
        return Files.readAllLines(dir.resolve("logs/launcher.log"));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    String jar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toString();
    }

    Optional<Procs.Proc> service(String name) {
        return Procs.byArg(jar(name));
    }

    Optional<Procs.Proc> kafka() {
        return Procs.all().stream().filter(p -> p.args().contains("KafkaMain") && p.args().contains(dir.toString()))
                .findFirst();
    }

    Optional<Procs.Proc> postgres() {
        return Procs.all().stream().filter(p -> p.args().contains("-p " + PG_PORT) && p.args().contains("bin/postgres"))
                .findFirst();
    }

    Optional<Procs.Proc> launcher() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("launcher.pid")).trim());
            return Procs.all().stream().filter(p -> p.pid() == pid).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Memory of every process of the stack: services and Kafka by RSS, PostgreSQL by PSS over its processes. */
    Map<String, Double> memory() {
        Map<String, Double> mb = new LinkedHashMap<>();
        services.keySet().forEach(s -> mb.put(s, service(s).map(p -> Procs.rssMb(p.pid())).orElse(0.0)));
        mb.put("kafka", kafka().map(p -> Procs.rssMb(p.pid())).orElse(0.0));
        mb.put("postgres (PSS)", postgres().map(p -> Procs.tree(p.pid()).stream().mapToDouble(c -> Procs.pssMb(c.pid()))
                .sum()).orElse(0.0));
        mb.put("launcher", launcher().map(p -> Procs.rssMb(p.pid())).orElse(0.0));
        return mb;
    }
}
