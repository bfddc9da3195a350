package club.questmaster.deploy.verify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is committed under deploy/, whether or not an overlay uses it: no secret value, placeholders only in examples. */
class CommittedFilesTest {

    private static final Pattern SECRET_KIND = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");
    private static final Pattern SECRET_VALUES = Pattern.compile("(?m)^(data|stringData):\\s*(\\S.*)?$");
    private static final Pattern SECRET_GENERATOR = Pattern.compile("(?m)^secretGenerator:");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    private static List<Path> files() {
        Path deploy = RenderedOverlaysTest.deployDir();
        try (Stream<Path> walk = Files.walk(deploy)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(deploy.resolve("verify").resolve("target")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noManifestDeclaresASecretWithValuesOrGeneratesOne() {
        List<String> offenders = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                continue;
            }
            for (String document : read(file).split("(?m)^---\\s*$")) {
                if (SECRET_KIND.matcher(document).find() && SECRET_VALUES.matcher(document).find()) {
                    offenders.add(file + ": a Secret with values");
                }
            }
            if (SECRET_GENERATOR.matcher(read(file)).find()) {
                offenders.add(file + ": a secretGenerator (Secrets are created by the operator, see deploy/README.md)");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void noPrivateKeyIsCommitted() {
        List<Path> offenders = files().stream().filter(file -> !file.toString().endsWith(".java"))
                .filter(file -> PRIVATE_KEY.matcher(read(file)).find()).toList();
        assertTrue(offenders.isEmpty(), offenders.toString());
    }

    @Test
    void exampleSecretFilesHoldOnlyPlaceholders() {
        List<Path> examples = files().stream().filter(file -> file.getFileName().toString().endsWith(".example")).toList();
        assertFalse(examples.isEmpty(), "deploy/secrets/*.example documents the Secrets an operator creates");
        List<String> offenders = new ArrayList<>();
        for (Path example : examples) {
            read(example).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .filter(line -> line.contains("=") && !line.startsWith("username=")
                            && !line.substring(line.indexOf('=') + 1).startsWith("REPLACE-ME"))
                    .forEach(line -> offenders.add(example.getFileName() + ": " + line));
        }
        assertTrue(offenders.isEmpty(), "values in *.example files (but usernames) must be REPLACE-ME placeholders:\n" + String.join("\n", offenders));
    }
}
