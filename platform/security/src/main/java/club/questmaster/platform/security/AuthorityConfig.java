package club.questmaster.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fresh the callers' authority is, and how long revoked sessions are remembered. */
@ConfigMapping(prefix = "questmaster.authority")
public interface AuthorityConfig {

    /**
     * How long one replica reuses a user's authority before reading it again. A demotion, ban or deletion bites
     * within this plus the event's way through Kafka (contract: 5 s); 0 reads it on every request.
     */
    @WithDefault("1s")
    Duration cacheTtl();

    /** At most this many users' authority held per replica (the cache starts over when full). */
    @WithDefault("10000")
    int cacheSize();

    /** Revoked sessions are forgotten after this: longer than any access token lives (15 min). */
    @WithDefault("24h")
    Duration revokedSessionRetention();
}
