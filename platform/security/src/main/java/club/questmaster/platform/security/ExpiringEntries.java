package club.questmaster.platform.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A replica's short-lived cache: each entry is used until its own deadline, on the clock given (a stale entry is
 * dropped when found stale), and the whole cache starts over when full, which is cheaper than tracking recency: a
 * full cache means its entries are not being reused anyway. Shared by {@link Authorities} and {@link VerifiedTokens}.
 */
final class ExpiringEntries<K, V> {

    private record Entry<V>(V value, long usableUntil) {
    }

    private final int maxEntries;
    private final LongSupplier clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringEntries(int maxEntries, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value for this key, or null when there is none or its deadline has passed. */
    V find(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        // a difference, not a comparison of the two readings: System.nanoTime() may wrap
        if (clock.getAsLong() - entry.usableUntil() >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Holds the value until {@code usableUntil} on this cache's clock. */
    void put(K key, V value, long usableUntil) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, usableUntil));
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
