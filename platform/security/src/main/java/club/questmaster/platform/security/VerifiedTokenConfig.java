package club.questmaster.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a replica reuses the verification of one access token ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "questmaster.verified-tokens")
public interface VerifiedTokenConfig {

    /**
     * At most this long after verifying a token, and never past its {@code exp}. Kept under the JWKS refresh interval
     * ({@code smallrye.jwt.jwks.refresh-interval}, 10 min), the time the verifier itself takes to notice a removed
     * key; 0 verifies every request's token.
     */
    @WithDefault("5m")
    Duration ttl();

    /** At most this many tokens held per replica (the cache starts over when full). */
    @WithDefault("4096")
    int size();
}
