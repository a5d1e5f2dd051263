package org.millrace.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * Records per second through a {@link LocalExchange} in one thread: the benchmark thread writes a
 * batch into the partition, flushes, then reads every buffer back through the input gate and
 * deserializes it. This is the whole per-record cost of a local exchange (serialize, copy into the
 * buffer, hand the buffer over, copy out, deserialize) without any thread hand-off; compare
 * {@link LocalExchangeTwoThreadsBenchmark} for the pipelined case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalExchangeBenchmark {

    /** Records per invocation: at most a few buffers, well inside the partition's budget, so nothing blocks. */
    static final int BATCH = 4096;

    @Param({"LONG", "TUPLE2_STRING_LONG"})
    public RecordType type;

    private Object[] values;
    private LocalExchange exchange;
    private LocalExchange.ValueSink sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws IOException {
        values = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            values[i] = type.value(i);
        }
        exchange = new LocalExchange(type);
        sink = blackhole::consume;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        exchange.close();
    }

    /** Writes, hands over and reads back one batch; returns the records read (always the batch). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long writeHandOverRead() throws IOException, InterruptedException {
        for (Object value : values) {
            exchange.emit(value);
        }
        exchange.flush();
        long read = exchange.pollAvailable(sink);
        if (read != BATCH) {
            throw new IllegalStateException("Read " + read + " of " + BATCH + " records");
        }
        return read;
    }
}
