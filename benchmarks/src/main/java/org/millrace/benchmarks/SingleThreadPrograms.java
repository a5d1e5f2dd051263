package org.millrace.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The hand-written one-thread programs the engines are measured against: a loop over the indices
 * and a {@link HashMap}, the way one would write the workload without any framework.
 */
public final class SingleThreadPrograms {

    /** The engine name in RESULT lines. */
    public static final String ENGINE = "single-thread";

    /** What a program computed. */
    public record Outcome(long checksum, long results) {}

    private SingleThreadPrograms() {}

    /** W1: counts per word, then the checksum. */
    public static Outcome wordCount(long records) {
        Map<String, long[]> counts = new HashMap<>(1 << 17);
        for (long i = 0; i < records; i++) {
            counts.computeIfAbsent(Workloads.word(i), w -> new long[1])[0]++;
        }
        long checksum = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            checksum += Workloads.wordChecksumTerm(e.getKey(), e.getValue()[0]);
        }
        return new Outcome(checksum, counts.size());
    }

    /**
     * W2: the running count of every record's word, handed record by record to what the engines'
     * sink does ({@link LatestCountChecksumSink}: keep the latest count per word), then the checksum
     * over those. Same final counts as W1, plus the per-record emission W2 measures.
     */
    public static Outcome runningWordCount(long records) {
        Map<String, long[]> counts = new HashMap<>(1 << 17);
        Map<String, Long> latest = new HashMap<>(1 << 17);
        for (long i = 0; i < records; i++) {
            String word = Workloads.word(i);
            long count = ++counts.computeIfAbsent(word, w -> new long[1])[0];
            latest.put(word, count);
        }
        long checksum = 0;
        for (Map.Entry<String, Long> e : latest.entrySet()) {
            checksum += Workloads.wordChecksumTerm(e.getKey(), e.getValue());
        }
        return new Outcome(checksum, latest.size());
    }

    /** W3 ({@code dense = false}) or W5: sums per (key, tumbling window), then the checksum. */
    public static Outcome windowSum(long records, boolean dense) {
        Map<Long, long[]> sums = new HashMap<>();
        for (long i = 0; i < records; i++) {
            long key = dense ? Workloads.denseKey(i) : Workloads.sparseKey(i);
            long ts = dense ? Workloads.denseTimestamp(i) : Workloads.sparseTimestamp(i);
            long window = Math.floorDiv(ts, Workloads.WINDOW_MILLIS);
            // key < 2^14, so the window index fits above it with its sign
            sums.computeIfAbsent((window << 16) | key, k -> new long[1])[0] += Workloads.windowValue(i);
        }
        long checksum = 0;
        for (Map.Entry<Long, long[]> e : sums.entrySet()) {
            long packed = e.getKey();
            long windowStart = (packed >> 16) * Workloads.WINDOW_MILLIS;
            checksum += Workloads.windowChecksumTerm(packed & 0xFFFF, windowStart, e.getValue()[0]);
        }
        return new Outcome(checksum, sums.size());
    }

    /** Runs {@code workload} once, timed. */
    public static Measurement run(Workload workload, long records) {
        long start = System.nanoTime();
        Outcome outcome = switch (workload) {
            case W1 -> wordCount(records);
            case W2 -> runningWordCount(records);
            case W3 -> windowSum(records, false);
            case W5 -> windowSum(records, true);
            default -> throw new UnsupportedOperationException("No single-thread program for " + workload.cliName());
        };
        long nanos = System.nanoTime() - start;
        return new Measurement(workload, ENGINE, 1, records, nanos, outcome.checksum(), outcome.results(), -1);
    }
}
