package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

@Timeout(120)
class JobFailureITCase {

    /** Throws on one particular value. */
    static final class FailOn implements MapFunction<Long, Long> {
        private final long bad;

        FailOn(long bad) {
            this.bad = bad;
        }

        @Override
        public Long map(Long value) {
            if (value == bad) {
                throw new IllegalStateException("cannot handle " + value);
            }
            return value;
        }
    }

    @Test
    void failingMapFunctionFailsTheJobNamingTheOperatorAndTheMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(0, 100_000)
                .rebalance()
                .map(new FailOn(77_777)).name("Risky Parser")
                .keyBy(v -> v % 10)
                .reduce((a, b) -> a + b)
                .addSink(new TestingCollectSink<>());

        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing job"));
        assertTrue(e.getMessage().contains("Risky Parser"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot handle 77777"), e.getMessage());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertInstanceOf(IllegalStateException.class, root);
    }

    @Test
    void failureInSourceReaderNamesTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.readTextFile("/nonexistent/millrace/input").print();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("missing input"));
        assertTrue(e.getMessage().contains("Read Text File"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/millrace/input"), e.getMessage());
    }

    /** Holds a reference to something that cannot be serialized. */
    static final class NotSerializable {}

    @Test
    void unserializableFunctionIsRejectedWhenTheProgramIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        NotSerializable captured = new NotSerializable();
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> env.fromSequence(0, 10).map(v -> v + captured.hashCode()));
        assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
        assertTrue(e.getMessage().contains("NotSerializable"), e.getMessage());
    }

    @Test
    void clusterWithTooFewSlotsRejectsTheJobSayingHowManyWereNeeded() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(3);
        env.fromSequence(0, 10).rebalance().map(v -> v).addSink(new TestingCollectSink<>());
        try (MiniCluster cluster = new MiniCluster(env.getConfiguration(), 2)) {
            Exception e = assertThrows(Exception.class,
                    () -> cluster.submitJob(env.getJobGraph("too big"), getClass().getClassLoader()).get());
            assertTrue(e.getMessage().contains("needs 3 slots but only 2"), e.getMessage());
        }
    }
}
