package club.questmaster.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.keys.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation as an operator does it: the current key signs, previous public keys stay in the JWKS. */
class KeyRingTest {

    private static final String CURRENT = "questmaster-test-keys/private.pem";

    @TempDir
    Path dir;

    private static UsersConfig previous(List<String> locations) {
        UsersConfig.Jwt jwt = new UsersConfig.Jwt() {
            public Duration accessTokenLifespan() {
                return Duration.ofMinutes(15);
            }

            public Duration refreshTokenLifespan() {
                return Duration.ofDays(7);
            }

            public Optional<List<String>> previousPublicKeyLocations() {
                return Optional.of(locations);
            }
        };
        return (UsersConfig) java.lang.reflect.Proxy.newProxyInstance(KeyRingTest.class.getClassLoader(),
                new Class<?>[] {UsersConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("jwt")) {
                        return jwt;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keys(KeyRing ring) {
        return (List<Map<String, Object>>) ring.jwks().get("keys");
    }

    @Test
    void theJwksListsTheCurrentKeyFirstThenThePreviousOnes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path old = dir.resolve("previous-1.pem");
        Files.writeString(old, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPublic()
                        .getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        // The current key's own public key listed again (an operator's slip) is not published twice.
        KeyRing ring = new KeyRing(Optional.of(CURRENT),
                previous(List.of(old.toString(), "questmaster-test-keys/public.pem", " ")));
        List<Map<String, Object>> keys = keys(ring);
        assertEquals(2, keys.size());
        assertEquals(ring.signingKeyId(), keys.get(0).get("kid"));
        assertNotEquals(keys.get(0).get("kid"), keys.get(1).get("kid"));
        for (Map<String, Object> key : keys) {
            assertEquals("RSA", key.get("kty"));
            assertEquals("RS256", key.get("alg"));
            assertEquals("sig", key.get("use"));
            assertEquals(false, key.containsKey("d"), "never a private part");
        }
        // The kid is the key's thumbprint: the same key always has the same kid.
        assertEquals(ring.signingKeyId(), new KeyRing(Optional.of(CURRENT), previous(List.of())).signingKeyId());
    }

    @Test
    void theSigningKeyIsReadFromAFilePathAsTheLauncherAndKubernetesGiveIt() throws Exception {
        Path file = dir.resolve("jwt-private.pem");
        Files.write(file, getClass().getResourceAsStream("/questmaster-test-keys/private.pem").readAllBytes());
        KeyRing fromFile = new KeyRing(Optional.of(file.toString()), previous(List.of()));
        assertEquals(new KeyRing(Optional.of(CURRENT), previous(List.of())).signingKeyId(), fromFile.signingKeyId());
        assertThrows(IllegalStateException.class,
                () -> new KeyRing(Optional.of(dir.resolve("missing.pem").toString()), previous(List.of())));
    }

    @Test
    void aMissingSigningKeyStopsTheStartWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KeyRing(Optional.empty(), previous(List.of())));
        assertEquals(true, e.getMessage().contains("QM_JWT_PRIVATE_KEY_LOCATION"));
    }
}
