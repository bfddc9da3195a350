package club.questmaster.users.abuse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a client address): {@code burst} requests at once, then one more every
 * {@code 1/refillPerMinute} minute. Pure arithmetic over a caller-supplied clock, so the rule is unit-tested without
 * waiting. Buckets that have refilled completely carry no information and are dropped once the map grows past
 * {@code maxKeys}, so a flood from many addresses cannot grow it without bound.
 */
public final class TokenBuckets {

    private final int burst;
    private final double tokensPerNano;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    public TokenBuckets(int burst, int refillPerMinute, int maxKeys) {
        if (burst < 1 || refillPerMinute < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("burst, refill and key limit must be positive");
        }
        this.burst = burst;
        this.tokensPerNano = refillPerMinute / (double) Duration.ofMinutes(1).toNanos();
        this.maxKeys = maxKeys;
    }

    /** Takes one token for {@code key} at {@code nowNanos}: {@link Duration#ZERO} when allowed, else how long to wait. */
    public Duration take(String key, long nowNanos) {
        if (buckets.size() >= maxKeys) {
            evictFull(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            refill(bucket, nowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
        }
    }

    int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long nowNanos) {
        long elapsed = Math.max(0, nowNanos - bucket.updatedAt);
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * tokensPerNano);
        bucket.updatedAt = nowNanos;
    }

    private void evictFull(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), nowNanos);
                return e.getValue().tokens >= burst;
            }
        });
        if (buckets.size() >= maxKeys) {
            // Still full of throttled addresses: forget them all rather than grow (each then starts a new burst).
            buckets.clear();
        }
    }
}
