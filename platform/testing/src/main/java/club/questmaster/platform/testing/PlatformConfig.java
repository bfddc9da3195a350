package club.questmaster.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The settings a service inherits from the platform modules' {@code META-INF/microprofile-config.properties}, and
 * whether its {@code application.properties} lists them (as {@code #   key=value} comment lines).
 */
public final class PlatformConfig {

    /** Our platform modules, as a reactor build (target/classes) or as a packaged jar puts them on the classpath. */
    private static final Pattern PLATFORM = Pattern.compile(".*(/platform/[a-z-]+/target/classes/"
            + "|/platform-[a-z-]+-[0-9][^/]*\\.jar!/)META-INF/microprofile-config\\.properties");

    private PlatformConfig() {
    }

    /** The platform settings ("key=value") the service's application.properties does not list. */
    public static List<String> unlisted(ClassLoader loader) throws IOException {
        String service = read(loader.getResource("application.properties"));
        List<String> missing = new ArrayList<>();
        int platformFiles = 0;
        for (URL url : Collections.list(loader.getResources("META-INF/microprofile-config.properties"))) {
            if (!PLATFORM.matcher(url.toString()).matches()) {
                continue;
            }
            platformFiles++;
            for (String line : read(url).split("\n")) {
                String setting = line.strip();
                if (setting.isEmpty() || setting.startsWith("#") || setting.startsWith("config_ordinal")) {
                    continue;
                }
                if (!Pattern.compile("(?m)^#   " + Pattern.quote(setting) + "(\\s.*)?$").matcher(service).find()) {
                    missing.add(setting);
                }
            }
        }
        if (platformFiles == 0) {
            throw new IllegalStateException("no platform META-INF/microprofile-config.properties on the classpath");
        }
        return missing;
    }

    private static String read(URL url) throws IOException {
        if (url == null) {
            return "";
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
