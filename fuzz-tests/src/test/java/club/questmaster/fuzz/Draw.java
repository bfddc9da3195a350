package club.questmaster.fuzz;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * The generators the mutations draw their values from, over one seeded {@link Random} per service run, so that a
 * run is reproducible from its seed (printed by the suite). Edge values are drawn as often as random ones.
 */
final class Draw {

    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Draw() {
    }

    @SafeVarargs
    static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static String alpha(Random random, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHA.charAt(random.nextInt(ALPHA.length())));
        }
        return out.toString();
    }

    static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Uniform in [min, max], or one of the edges. */
    static BigInteger between(Random random, BigInteger min, BigInteger max, List<BigInteger> edges) {
        if (random.nextBoolean()) {
            return oneOf(random, edges);
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger r;
        do {
            r = new BigInteger(span.bitLength(), random);
        } while (r.compareTo(span) >= 0);
        return min.add(r);
    }
}
