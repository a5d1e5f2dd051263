package org.millrace.benchmarks;

/**
 * The record and checksum functions of the workloads in {@code shared/BENCHMARKS.md}, in one place
 * so the Millrace jobs and the single-thread baselines compute exactly the same thing. Every record
 * is a pure function of its index {@code i}; all arithmetic is Java {@code long} with wrap-around.
 */
public final class Workloads {

    /** Number of distinct words of W1/W2. */
    public static final long WORDS = 100_000;
    /** Number of distinct keys of W3. */
    public static final long SPARSE_KEYS = 10_000;
    /** Number of distinct keys of W5. */
    public static final long DENSE_KEYS = 1_000;
    /** Tumbling window size of W3/W5, in milliseconds. */
    public static final long WINDOW_MILLIS = 1_000;
    /** Largest amount an event's timestamp lags its index-based time, in milliseconds (exclusive). */
    public static final long MAX_DELAY_MILLIS = 500;

    private static final long SEED = 42;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private Workloads() {}

    /** SplitMix64 of index {@code i}: the {@code i}-th {@code nextLong()} of {@code new SplittableRandom(42)}. */
    public static long mix(long i) {
        long z = SEED + (i + 1) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ W1 / W2

    /** The word of record {@code i}: {@code "w"} followed by a number in {@code [0, 100000)}, unpadded. */
    public static String word(long i) {
        return "w" + Long.remainderUnsigned(mix(i), WORDS);
    }

    /** One word's share of the W1/W2 checksum. */
    public static long wordChecksumTerm(String word, long count) {
        return count * (word.hashCode() & 0xFFFF);
    }

    // ------------------------------------------------------------------ W3 / W5

    /** The key of W3 record {@code i}, in {@code [0, 10000)}. */
    public static long sparseKey(long i) {
        return Long.remainderUnsigned(mix(i), SPARSE_KEYS);
    }

    /** The key of W5 record {@code i}, in {@code [0, 1000)}. */
    public static long denseKey(long i) {
        return Long.remainderUnsigned(mix(i), DENSE_KEYS);
    }

    /** The value of W3/W5 record {@code i}. */
    public static long windowValue(long i) {
        return i % 100;
    }

    /** The event time (ms) of W3 record {@code i}: about one event per key per window. */
    public static long sparseTimestamp(long i) {
        return i - delay(i);
    }

    /** The event time (ms) of W5 record {@code i}: a hundred records share each millisecond. */
    public static long denseTimestamp(long i) {
        return Math.floorDiv(i, 100) - delay(i);
    }

    private static long delay(long i) {
        return (mix(i) >>> 32) % MAX_DELAY_MILLIS;
    }

    /** The start of the tumbling window holding {@code timestamp} (floored, also for negative times). */
    public static long windowStart(long timestamp) {
        return Math.floorDiv(timestamp, WINDOW_MILLIS) * WINDOW_MILLIS;
    }

    /** One (key, window) result row's share of the W3/W5 checksum. */
    public static long windowChecksumTerm(long key, long windowStart, long sum) {
        return sum * ((key + 1) * 1_000_003L + (windowStart / WINDOW_MILLIS + 1));
    }

    // ------------------------------------------------------------------ W4

    /** The W4 checksum {@code 0 + 1 + ... + (n - 1)}, wrapping like a running {@code long} sum. */
    public static long sequenceChecksum(long n) {
        return n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
    }
}
