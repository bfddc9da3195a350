package club.questmaster.benchmarks;

import java.util.Arrays;

/** Latency recording and percentiles. */
final class Stats {

    private Stats() {
    }

    /** Thread-safe recorder of nanosecond values (kept whole: a run records at most a few hundred thousand). */
    static final class Histogram {
        private long[] values = new long[4096];
        private int size;

        synchronized void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long count() {
            return size;
        }

        /** @return the p-th percentile in milliseconds (p = 100: the max) */
        synchronized double ms(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
        }

        String summary() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", ms(50), ms(99), ms(100));
        }
    }
}
