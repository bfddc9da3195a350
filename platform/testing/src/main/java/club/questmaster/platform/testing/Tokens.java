package club.questmaster.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Access tokens as users-service issues them, signed with the test key (test runs only). */
public final class Tokens {

    private Tokens() {
    }

    /** A fresh user id in the contract's form: 18 decimal digits. */
    public static String newUserId() {
        return Long.toString(100_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000_000_000L));
    }

    public static String of(String userId, String username, String... roles) {
        return claims(userId, username, roles).sign();
    }

    /** The builder, to tweak one claim (expired, wrong issuer...). */
    public static JwtClaimsBuilder claims(String userId, String username, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer("questmaster")
                .audience("questmaster")
                .subject(userId)
                .claim("preferred_username", username)
                .claim("name", username)
                .groups(new HashSet<>(Arrays.asList(roles)))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900))
                .claim("jti", UUID.randomUUID().toString());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
