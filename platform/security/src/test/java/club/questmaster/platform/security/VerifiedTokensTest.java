package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW_MILLIS = 1_800_000_000_000L;
    private static final long EXP_IN_AN_HOUR = NOW_MILLIS / 1000 + 3600;

    private final AtomicLong clock = new AtomicLong(NOW_MILLIS);
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofMinutes(5), 3, clock::get);

    @Test
    void aTokenVerifiedOnceIsFoundByItsWholeText() {
        tokens.remember("header.payload.signature", "verified", EXP_IN_AN_HOUR);

        assertEquals("verified", tokens.find("header.payload.signature"));
        assertNull(tokens.find("header.otherPayload.signature"), "the same signature over another payload");
        assertNull(tokens.find("header.payload.signatur"));
    }

    @Test
    void anEntryEndsWithTheTtl() {
        tokens.remember("t", "verified", EXP_IN_AN_HOUR);

        clock.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
        assertEquals("verified", tokens.find("t"));
        clock.addAndGet(1);
        assertNull(tokens.find("t"));
        assertEquals(0, tokens.size(), "a stale entry is dropped when found stale");
    }

    @Test
    void anEntryNeverOutlivesTheTokensExpiry() {
        long expInOneMinute = NOW_MILLIS / 1000 + 60;
        tokens.remember("t", "verified", expInOneMinute);

        clock.addAndGet(59_999);
        assertEquals("verified", tokens.find("t"));
        clock.addAndGet(1);
        assertNull(tokens.find("t"), "past exp the verifier decides again");
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotRemembered() {
        tokens.remember("no-exp", "verified", 0);
        tokens.remember("expired", "verified", NOW_MILLIS / 1000);

        assertNull(tokens.find("no-exp"));
        assertNull(tokens.find("expired"));
    }

    @Test
    void anExpTooFarForMillisIsBoundedByTheTtl() {
        tokens.remember("t", "verified", Long.MAX_VALUE / 10);

        clock.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
        assertEquals("verified", tokens.find("t"));
        clock.addAndGet(1);
        assertNull(tokens.find("t"));
    }

    @Test
    void aFullCacheStartsOver() {
        tokens.remember("a", "A", EXP_IN_AN_HOUR);
        tokens.remember("b", "B", EXP_IN_AN_HOUR);
        tokens.remember("c", "C", EXP_IN_AN_HOUR);

        tokens.remember("d", "D", EXP_IN_AN_HOUR);

        assertEquals(1, tokens.size());
        assertEquals("D", tokens.find("d"));
        assertNull(tokens.find("a"));
    }

    @Test
    void aZeroTtlRemembersNothing() {
        VerifiedTokens<String> off = new VerifiedTokens<>(Duration.ZERO, 3, clock::get);
        off.remember("t", "verified", EXP_IN_AN_HOUR);

        assertNull(off.find("t"));
    }
}
