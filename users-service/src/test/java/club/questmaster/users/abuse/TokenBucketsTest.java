package club.questmaster.users.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void anAddressGetsItsBurstThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(3, 6, 100); // one token every 10 s
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, buckets.take("a", 0));
        }
        Duration wait = buckets.take("a", 0);
        assertTrue(wait.toMillis() > 9_900 && wait.toMillis() <= 10_000, wait.toString());
        assertTrue(buckets.take("a", 5 * SECOND).toMillis() > 4_900);
        assertEquals(Duration.ZERO, buckets.take("a", 10 * SECOND));
        assertTrue(buckets.take("a", 10 * SECOND).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void addressesAreCountedApart() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100);
        assertEquals(Duration.ZERO, buckets.take("stranger", 0));
        assertTrue(buckets.take("stranger", 0).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, buckets.take("owner", 0));
    }

    @Test
    void theRefillNeverExceedsTheBurst() {
        TokenBuckets buckets = new TokenBuckets(2, 60, 100);
        assertEquals(Duration.ZERO, buckets.take("a", 0));
        long muchLater = 3_600 * SECOND;
        assertEquals(Duration.ZERO, buckets.take("a", muchLater));
        assertEquals(Duration.ZERO, buckets.take("a", muchLater));
        assertTrue(buckets.take("a", muchLater).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void aFloodFromManyAddressesDoesNotGrowTheMapBeyondItsLimit() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 50);
        for (int i = 0; i < 10_000; i++) {
            buckets.take("10.0." + (i / 256) + "." + (i % 256), i);
        }
        assertTrue(buckets.size() <= 50, "size " + buckets.size());
    }
}
