package club.questmaster.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {

    @TempDir
    Path dir;

    private ClassLoader classpath(String platformFile, String applicationProperties) throws Exception {
        Path platform = dir.resolve("platform/web/target/classes");
        Files.createDirectories(platform.resolve("META-INF"));
        Files.writeString(platform.resolve("META-INF/microprofile-config.properties"), platformFile);
        Path service = dir.resolve("games-service/target/classes");
        Files.createDirectories(service);
        Files.writeString(service.resolve("application.properties"), applicationProperties);
        return new URLClassLoader(new URL[] {platform.toUri().toURL(), service.toUri().toURL()}, null);
    }

    @Test
    void aPlatformSettingTheServiceFileDoesNotListIsReported() throws Exception {
        ClassLoader loader = classpath("config_ordinal=100\n# JSON\nquarkus.jackson.fail-on-unknown-properties=true\n"
                + "quarkus.http.limits.max-body-size=64K\n",
                "quarkus.http.port=8082\n#   quarkus.http.limits.max-body-size=64K   (overridden above)\n");
        assertEquals(List.of("quarkus.jackson.fail-on-unknown-properties=true"), PlatformConfig.unlisted(loader));
    }

    @Test
    void aChangedPlatformValueIsReportedToo() throws Exception {
        ClassLoader loader = classpath("quarkus.http.limits.max-body-size=128K\n",
                "#   quarkus.http.limits.max-body-size=64K\n");
        assertEquals(List.of("quarkus.http.limits.max-body-size=128K"), PlatformConfig.unlisted(loader));
    }

    @Test
    void noPlatformFileOnTheClasspathIsAnErrorNotAPass() throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[0], null);
        assertThrows(IllegalStateException.class, () -> PlatformConfig.unlisted(loader));
    }
}
