package club.questmaster.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callers' authority with a short per-replica cache ({@link AuthorityConfig#cacheTtl()}): a user calling many
 * times a second costs one indexed read per second, not one per request. The replica that applies a user event drops
 * that user at once ({@link #forget}); the others see it when their entry expires.
 */
@ApplicationScoped
public class Authorities {

    private record Entry(Authority authority, long readAtNanos) {
    }

    private final AuthoritySource source;
    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public Authorities(AuthoritySource source, AuthorityConfig config) {
        this.source = source;
        this.ttlNanos = config.cacheTtl().toNanos();
        this.maxEntries = config.cacheSize();
    }

    public Uni<Authority> of(String userId) {
        if (ttlNanos <= 0) {
            return source.find(userId);
        }
        long now = System.nanoTime();
        Entry entry = cache.get(userId);
        if (entry != null && now - entry.readAtNanos() < ttlNanos) {
            return Uni.createFrom().item(entry.authority());
        }
        // Stamped with the time the read started: an entry is never trusted for longer than the TTL after it.
        return source.find(userId).invoke(authority -> {
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
            cache.put(userId, new Entry(authority, now));
        });
    }

    /** After a change to this user on this replica: the next request reads it again. */
    public void forget(String userId) {
        cache.remove(userId);
    }
}
