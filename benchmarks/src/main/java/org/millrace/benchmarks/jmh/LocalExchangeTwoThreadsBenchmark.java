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

/**
 * Records per second through a {@link LocalExchange} with the producer and the consumer in two
 * threads, as two chained tasks of one TaskExecutor run: the benchmark thread writes records (full
 * buffers are handed over as they fill, no flush) and a consumer thread reads and deserializes them,
 * waiting on the gate's availability when it is ahead. The partition's buffer budget bounds how far
 * the producer can run ahead, so in steady state the producer's rate is the exchange's rate.
 * Tear-down ends the partition and checks that the consumer read every record written.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalExchangeTwoThreadsBenchmark {

    /** Distinct values cycled through; also the records per invocation. */
    static final int BATCH = 4096;

    @Param({"LONG", "TUPLE2_STRING_LONG"})
    public RecordType type;

    private Object[] values;
    private LocalExchange exchange;
    private ExchangeConsumer consumer;
    private long written;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        values = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            values[i] = type.value(i);
        }
        exchange = new LocalExchange(type);
        consumer = ExchangeConsumer.start(exchange);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            exchange.finish();
            long read = consumer.awaitEnd(TimeUnit.MINUTES.toMillis(1));
            if (read != written) {
                throw new IllegalStateException("The consumer read " + read + " of " + written + " records");
            }
        } finally {
            exchange.close();
        }
    }

    /** Writes one batch; blocks whenever the consumer holds the partition's whole buffer budget. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void write() throws IOException, InterruptedException {
        for (Object value : values) {
            exchange.emit(value);
        }
        written += BATCH;
    }
}
