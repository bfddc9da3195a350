package club.questmaster.platform.security;

import java.time.Duration;
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

    /** The largest {@code exp} whose milliseconds fit in a long. */
    private static final long MAX_EXP_IN_MILLIS_RANGE = Long.MAX_VALUE / 1000;

    private final long ttlMillis;
    private final LongSupplier clockMillis;
    private final ExpiringEntries<String, T> entries;

    public VerifiedTokens(Duration ttl, int maxEntries, LongSupplier clockMillis) {
        this.ttlMillis = ttl.toMillis();
        this.clockMillis = clockMillis;
        this.entries = new ExpiringEntries<>(maxEntries, clockMillis);
    }

    /** The verified token for this text, or null when it was never verified here or its time is up. */
    public T find(String rawToken) {
        return ttlMillis <= 0 ? null : entries.find(rawToken);
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
        // an exp beyond what millis can hold is as good as none: the TTL bounds the entry
        long expiresAtMillis = expiresAtEpochSecond >= MAX_EXP_IN_MILLIS_RANGE ? Long.MAX_VALUE
                : expiresAtEpochSecond * 1000L;
        long usableUntil = Math.min(now + ttlMillis, expiresAtMillis);
        if (usableUntil <= now) {
            return;
        }
        entries.put(rawToken, token, usableUntil);
    }

    int size() {
        return entries.size();
    }
}
