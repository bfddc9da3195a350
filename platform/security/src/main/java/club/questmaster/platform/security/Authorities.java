package club.questmaster.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The callers' authority with a short per-replica cache ({@link AuthorityConfig#cacheTtl()}): a user calling many
 * times a second costs one indexed read per second, not one per request. The replica that applies a user event drops
 * that user at once ({@link #forget}); the others see it when their entry expires.
 */
@ApplicationScoped
public class Authorities {

    private final AuthoritySource source;
    private final long ttlNanos;
    private final ExpiringEntries<String, Authority> cache;

    public Authorities(AuthoritySource source, AuthorityConfig config) {
        this.source = source;
        this.ttlNanos = config.cacheTtl().toNanos();
        this.cache = new ExpiringEntries<>(config.cacheSize(), System::nanoTime);
    }

    public Uni<Authority> of(String userId) {
        if (ttlNanos <= 0) {
            return source.find(userId);
        }
        Authority cached = cache.find(userId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        // Stamped with the time the read started: an entry is never trusted for longer than the TTL after it.
        long readStartedAt = System.nanoTime();
        return source.find(userId).invoke(authority -> cache.put(userId, authority, readStartedAt + ttlNanos));
    }

    /** After a change to this user on this replica: the next request reads it again. */
    public void forget(String userId) {
        cache.remove(userId);
    }
}
