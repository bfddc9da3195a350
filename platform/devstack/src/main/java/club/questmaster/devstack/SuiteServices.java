package club.questmaster.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of the suite's services ({@code services.conf} at the repository root: name, port, database), read by
 * the launcher, the {@code ./questmaster} script (its own few lines of shell) and deploy/verify's checks of the README
 * and the Kubernetes manifests.
 */
public final class SuiteServices {

    public static final String FILE = "services.conf";

    /** One service: its module directory and name, its HTTP port, its database if it has one. */
    public record Service(String name, int port, Optional<String> database) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /**
         * The environment variable that tells the other services where this one is: {@code QM_USERS_URL} for
         * users-service, {@code QM_WEB_URL} for web.
         */
        public String urlVariable() {
            return "QM_" + name.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_URL";
        }
    }

    private SuiteServices() {
    }

    /** The services of the repository at {@code root}, in the file's order. */
    public static List<Service> of(Path root) {
        Path file = root.resolve(FILE);
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Lines of {@code name port database}; blank lines and {@code #} comments skipped; names and ports unique. */
    public static List<Service> parse(List<String> lines) {
        List<Service> services = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(FILE + " line " + number + ": expected 'name port database', got '" + content + "'");
            }
            int port;
            try {
                port = Integer.parseInt(fields[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(FILE + " line " + number + ": port '" + fields[1] + "' is not a number");
            }
            if (port < 1 || port > 65535 || !ports.add(port)) {
                throw new IllegalArgumentException(FILE + " line " + number + ": port " + port + " is out of range or taken twice");
            }
            if (!names.add(fields[0])) {
                throw new IllegalArgumentException(FILE + " line " + number + ": service " + fields[0] + " is listed twice");
            }
            services.add(new Service(fields[0], port, fields[2].equals("-") ? Optional.empty() : Optional.of(fields[2])));
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException(FILE + " lists no service");
        }
        return List.copyOf(services);
    }
}
