package org.millrace.runtime.state;

import org.millrace.util.MathUtils;

/**
 * Maps keys to key groups and key groups to parallel operator instances. A key's group depends only
 * on the key and the max parallelism, never on the parallelism, which is what lets keyed state be
 * redistributed when a job is rescaled.
 */
public final class KeyGroupRangeAssignment {

    /** Default max parallelism when none is set and the parallelism is small. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return MathUtils.murmurHash(key.hashCode()) % maxParallelism;
    }

    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroupId) {
        return keyGroupId * parallelism / maxParallelism;
    }

    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /** The key groups {@code [start, end]} owned by operator instance {@code operatorIndex}. */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex) {
        int start = ((operatorIndex * maxParallelism) + parallelism - 1) / parallelism;
        int end = (((operatorIndex + 1) * maxParallelism) - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /** 1.5 x parallelism rounded up to a power of two, within [128, 32768]. */
    public static int computeDefaultMaxParallelism(int parallelism) {
        int candidate = MathUtils.roundUpToPowerOfTwo(parallelism + (parallelism / 2));
        return Math.min(Math.max(candidate, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }
}
