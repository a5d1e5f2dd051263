package org.millrace.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.benchmarks.Workloads;
import org.millrace.runtime.state.HeapKeyedStateBackend;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.runtime.state.KeyedStateBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per record for keyed {@code ValueState<Long>} on the {@link HeapKeyedStateBackend}
 * (one operator instance owning all 128 key groups), with {@link #keys} distinct Long keys already
 * in state: set the current key (key-group hashing included), then read, or read and write back the
 * incremented count as a keyed reduce does. Keys are looked up in random order and are distinct
 * objects from the stored ones (equal, not identical), as keys deserialized from the network are,
 * so the 1 M case shows the cache misses of a table larger than the CPU caches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeapValueStateBenchmark {

    /** Lookups per invocation. */
    static final int BATCH = 4096;
    /** Length of the random lookup sequence the invocations walk through. */
    private static final int LOOKUPS = 1 << 16;

    @Param({"10000", "1000000"})
    public int keys;

    private KeyedStateBackend<Long> backend;
    private ValueState<Long> count;
    private Long[] lookups;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        int maxParallelism = KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM;
        backend = createBackend(new KeyGroupRange(0, maxParallelism - 1), maxParallelism);
        count = backend.getValueState(new ValueStateDescriptor<>("count", Types.LONG));
        for (int k = 0; k < keys; k++) {
            backend.setCurrentKey(key(k));
            count.update(1L);
        }
        lookups = new Long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            // a new Long object equal to the stored key (keys are far outside the Long cache)
            lookups[i] = key((int) Long.remainderUnsigned(Workloads.mix(keys + i), keys));
        }
    }

    /** The backend under test; one implementation per benchmark JVM, so its calls stay monomorphic. */
    protected KeyedStateBackend<Long> createBackend(KeyGroupRange keyGroups, int maxParallelism) throws IOException {
        return new HeapKeyedStateBackend<>(keyGroups, maxParallelism);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        backend.close();
    }

    private static Long key(int k) {
        return Long.valueOf(Workloads.mix(k) | Long.MIN_VALUE);
    }

    /** {@code value()} of a batch of keys. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void get(Blackhole blackhole) throws IOException {
        int start = nextBatch();
        for (int i = start; i < start + BATCH; i++) {
            backend.setCurrentKey(lookups[i]);
            blackhole.consume(count.value());
        }
    }

    /** {@code value()} then {@code update(value + 1)} of a batch of keys: a keyed count. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void getAndUpdate() throws IOException {
        int start = nextBatch();
        for (int i = start; i < start + BATCH; i++) {
            backend.setCurrentKey(lookups[i]);
            count.update(count.value() + 1);
        }
    }

    private int nextBatch() {
        int start = cursor;
        cursor = (start + BATCH) & (LOOKUPS - 1);
        return start;
    }
}
