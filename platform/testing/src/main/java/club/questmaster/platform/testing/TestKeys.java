package club.questmaster.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The test key pair (questmaster-test-keys/) for a packaged service started by a test: the test JVM signs tokens
 * with the private key ({@link Tokens}), the service verifies them with the public one, given as a file.
 */
public final class TestKeys {

    private static Path publicKeyFile;

    private TestKeys() {
    }

    /**
     * The environment of a packaged service that verifies this JVM's test tokens: {@code base} plus the public key
     * location; also makes this JVM sign with the private key. Call before anything reads MicroProfile Config.
     */
    public static Map<String, String> verifyingTestTokens(Map<String, String> base) throws IOException {
        System.setProperty("smallrye.jwt.sign.key.location", "questmaster-test-keys/private.pem");
        Map<String, String> env = new HashMap<>(base);
        String location = publicKeyFile().toString();
        env.put("QM_JWT_PUBLIC_KEY_LOCATION", location);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", location);
        return env;
    }

    private static synchronized Path publicKeyFile() throws IOException {
        if (publicKeyFile == null) {
            Path file = Files.createTempFile("questmaster-public", ".pem");
            file.toFile().deleteOnExit();
            try (InputStream in = TestKeys.class.getResourceAsStream("/questmaster-test-keys/public.pem")) {
                if (in == null) {
                    throw new IOException("questmaster-test-keys/public.pem is not on the classpath");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            publicKeyFile = file;
        }
        return publicKeyFile;
    }
}
