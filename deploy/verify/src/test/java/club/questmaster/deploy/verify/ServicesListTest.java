package club.questmaster.deploy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.devstack.SuiteServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * services.conf is the one list of the services (name, port, database): the launcher and ./questmaster read it; the
 * README's table, the Kustomize bases and the overlays are checked against it here (the rendered ports are checked by
 * RenderedOverlaysTest, against the same list).
 */
class ServicesListTest {

    private static final Path REPOSITORY = RenderedOverlaysTest.deployDir().getParent();
    private static final List<SuiteServices.Service> SERVICES = SuiteServices.of(REPOSITORY);
    /** A row of the README's "Services and ports" table: | name | port | what | `database` or empty |. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([a-z-]+)\\s*\\|\\s*(\\d+)\\s*\\|[^|]*\\|\\s*(?:`([a-z_]+)`)?\\s*\\|\\s*$");

    @Test
    void theReadmeTableListsEveryServiceWithItsPortAndDatabase() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        int start = readme.indexOf("## Services and ports");
        assertTrue(start >= 0, "README.md has a 'Services and ports' section");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start).lines().skip(1).takeWhile(l -> !l.startsWith("## ")).toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && !row.group(1).equals("kafka") && !row.group(1).equals("postgresql")) {
                rows.put(row.group(1), row.group(2) + " " + (row.group(3) == null ? "-" : row.group(3)));
            }
        }
        Map<String, String> listed = SERVICES.stream().collect(Collectors.toMap(SuiteServices.Service::name,
                s -> s.port() + " " + s.database().orElse("-"), (a, b) -> a, LinkedHashMap::new));
        assertEquals(listed, rows, "README.md's table against services.conf");
    }

    @Test
    void everyServiceHasAModuleAKustomizeBaseAndIsInEveryOverlay() throws IOException {
        List<String> missing = new ArrayList<>();
        for (SuiteServices.Service service : SERVICES) {
            if (!Files.isRegularFile(REPOSITORY.resolve(service.name()).resolve("pom.xml"))) {
                missing.add(service.name() + ": no module");
            }
            if (!Files.isRegularFile(REPOSITORY.resolve("deploy/base").resolve(service.name()).resolve("kustomization.yaml"))) {
                missing.add(service.name() + ": no deploy/base/" + service.name());
            }
            try (var overlays = Files.list(REPOSITORY.resolve("deploy/overlays"))) {
                for (Path overlay : overlays.filter(Files::isDirectory).toList()) {
                    String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
                    if (!kustomization.contains("- ../../base/" + service.name() + "\n")) {
                        missing.add(service.name() + ": not in overlay " + overlay.getFileName());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void theRunScriptAndTheLauncherReadTheListInsteadOfKeepingTheirOwn() throws IOException {
        String script = Files.readString(REPOSITORY.resolve("questmaster"));
        String launcher = Files.readString(REPOSITORY.resolve("platform/devstack/src/main/java/club/questmaster/devstack/Launcher.java"));
        assertTrue(script.contains("services.conf"), "./questmaster reads services.conf");
        assertTrue(launcher.contains("SuiteServices.of("), "the Launcher reads services.conf");
        for (SuiteServices.Service service : SERVICES) {
            assertFalse(script.contains(Integer.toString(service.port())), "./questmaster names port " + service.port());
            assertFalse(launcher.contains(Integer.toString(service.port())), "the Launcher names port " + service.port());
        }
    }

    @Test
    void aListWithATwiceTakenPortOrAMalformedLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SuiteServices.parse(List.of("a 8081 x", "b 8081 y")));
        assertThrows(IllegalArgumentException.class, () -> SuiteServices.parse(List.of("a 8081")));
        assertThrows(IllegalArgumentException.class, () -> SuiteServices.parse(List.of("# only a comment")));
        assertEquals(List.of(new SuiteServices.Service("web", 8080, java.util.Optional.empty())),
                SuiteServices.parse(List.of("# comment", "", "web 8080 -")));
    }
}
