package org.millrace.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.millrace.benchmarks.Workloads;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
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

/**
 * Nanoseconds per key to route a record of a keyed exchange: {@link KeyGroupRangeAssignment} from
 * the key's {@code hashCode()} through murmur mixing to a key group (default max parallelism 128)
 * and from there to one of two consumers, as the keyBy partitioner does for every record and the
 * keyed state backend again on the consumer side. Long keys are W4-keyby's; String keys are W1's
 * words, whose hash code is cached after the first call (a freshly deserialized key pays one pass
 * over its chars on top).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyGroupHashingBenchmark {

    /** Keys per invocation. */
    static final int BATCH = 4096;

    /** Key type: {@code Long} or {@code String}. */
    @Param({"Long", "String"})
    public String keyType;

    private Object[] keys;

    @Setup(Level.Trial)
    public void setUp() {
        keys = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            switch (keyType) {
                case "Long":
                    keys[i] = Workloads.mix(i);
                    break;
                case "String":
                    keys[i] = Workloads.word(i);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown key type " + keyType);
            }
        }
    }

    /** The consumer index of every key in the batch, summed so nothing is dead code. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int assignKeyToParallelOperator() {
        int sum = 0;
        for (Object key : keys) {
            sum += KeyGroupRangeAssignment.assignKeyToParallelOperator(
                    key, KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM, 2);
        }
        return sum;
    }
}
