package club.questmaster.users.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-client-address limits of the login endpoints (contract §6 "Abuse"). */
@ConfigMapping(prefix = "questmaster.users.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Login attempts one address may make at once. */
    @WithDefault("10")
    int burst();

    /** Attempts one address regains per minute after its burst. */
    @WithDefault("10")
    int refillPerMinute();

    /** Addresses remembered at most (a few hundred bytes each). */
    @WithDefault("100000")
    int maxAddresses();
}
