package club.questmaster.platform.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access tokens whose signature and claims this replica has already verified, by their whole text: a caller sends
 * the same token on every request of its session, and verifying it (RSA, JSON, on a worker thread because the keys
 * come from a JWKS) cost each request more than any other step of authentication. An entry is used until the token
 * expires or the TTL passes, whichever comes first; after that the token is verified again, so nothing is accepted
 * that the verifier would refuse, except a token signed by a key removed from the JWKS within the TTL (the verifier
 * itself only sees a removal at its next JWKS refresh). Keyed by the whole token, never a part of it: a signature
 * proves nothing about a payload it was not made for.
 *
 * @param <T> what verification produced (the parsed token)
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T token, long usableUntilMillis) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(Duration ttl, int maxEntries, LongSupplier clockMillis) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** The verified token for this text, or null when it was never verified here or its time is up. */
    public T find(String rawToken) {
        if (ttlMillis <= 0) {
            return null;
        }
        Entry<T> entry = entries.get(rawToken);
        if (entry == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= entry.usableUntilMillis()) {
            entries.remove(rawToken, entry);
            return null;
        }
        return entry.token();
    }

    /**
     * Remembers a token just verified.
     *
     * @param expiresAtEpochSecond the token's {@code exp}; a token without one is not remembered
     */
    public void remember(String rawToken, T token, long expiresAtEpochSecond) {
        if (ttlMillis <= 0 || expiresAtEpochSecond <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        long usableUntil = Math.min(now + ttlMillis, Math.multiplyExact(expiresAtEpochSecond, 1000L));
        if (usableUntil <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // Starting over is cheaper than tracking recency, and a full cache means tokens are not being reused.
            entries.clear();
        }
        entries.put(rawToken, new Entry<>(token, usableUntil));
    }

    int size() {
        return entries.size();
    }
}
