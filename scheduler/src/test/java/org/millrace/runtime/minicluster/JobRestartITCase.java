package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.accumulators.LongCounter;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.executiongraph.failover.RestartStrategyOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/**
 * Restart strategies carried out by the JobMaster: a STREAMING job restarts as a whole, a BATCH
 * job with blocking exchanges re-runs only the failed region, and restarts run out as configured.
 */
@Timeout(120)
class JobRestartITCase {

    /** Attempts opened per "probe name/subtask", in this JVM (the MiniCluster runs here). */
    private static final Map<String, List<Integer>> OPENED = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PROBE = new AtomicInteger();

    /**
     * Passes records on; records each opened attempt; the chosen attempts of one subtask throw on
     * their first record, or already when they open (for subtasks that may get no records).
     */
    static final class Probe extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        final String name;
        final int failingSubtask;
        final int failBelowAttempt;
        final boolean failInOpen;
        private boolean failHere;

        /**
         * @param failingSubtask the subtask that fails, or -1 for none
         * @param failBelowAttempt attempts 0 .. failBelowAttempt-1 of that subtask fail
         */
        Probe(int failingSubtask, int failBelowAttempt, boolean failInOpen) {
            this.name = "probe-" + NEXT_PROBE.incrementAndGet();
            this.failingSubtask = failingSubtask;
            this.failBelowAttempt = failBelowAttempt;
            this.failInOpen = failInOpen;
        }

        @Override
        public void open(OpenContext ctx) {
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            int attempt = getRuntimeContext().getAttemptNumber();
            OPENED.computeIfAbsent(name + "/" + subtask, k -> new ArrayList<>()).add(attempt);
            failHere = subtask == failingSubtask && attempt < failBelowAttempt;
            if (failHere && failInOpen) {
                throw new IllegalStateException("injected failure of attempt " + attempt + " in open()");
            }
        }

        @Override
        public Long map(Long value) {
            if (failHere) {
                throw new IllegalStateException("injected failure of attempt " + getRuntimeContext().getAttemptNumber());
            }
            return value;
        }

        List<Integer> attemptsOf(int subtask) {
            return OPENED.getOrDefault(name + "/" + subtask, List.of());
        }
    }

    /** Sums and counts what it receives in accumulators: only the finished attempt of each subtask counts. */
    static final class SumSink extends RichSinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final LongCounter sum = new LongCounter();
        private final LongCounter count = new LongCounter();

        @Override
        public void open(OpenContext ctx) {
            getRuntimeContext().addAccumulator("sum", sum);
            getRuntimeContext().addAccumulator("count", count);
        }

        @Override
        public void invoke(Long value) {
            sum.add(value);
            count.add(1L);
        }
    }

    private static Configuration fixedDelay(int attempts) {
        Configuration conf = new Configuration();
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_TYPE.key(), "fixed-delay");
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS.key(), String.valueOf(attempts));
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY.key(), "10 ms");
        return conf;
    }

    private static JobExecutionResult run(Configuration conf, JobGraph job, int slots) throws Exception {
        try (MiniCluster cluster = new MiniCluster(conf, slots)) {
            return cluster.submitJob(job, JobRestartITCase.class.getClassLoader()).get(90, TimeUnit.SECONDS);
        }
    }

    @Test
    void streamingJobRestartsAsAWholeAndCountsOnlyTheFinishedAttempt() throws Exception {
        Configuration conf = fixedDelay(2);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        Probe failing = new Probe(1, 1, false);
        env.fromSequence(1, 10_000).map(failing).rebalance().addSink(new SumSink());

        JobExecutionResult result = run(conf, env.getJobGraph("restarting stream"), 2);

        assertEquals(50_005_000L, (Long) result.getAccumulatorResult("sum"));
        assertEquals(10_000L, (Long) result.getAccumulatorResult("count"));
        assertEquals(List.of(0, 1), failing.attemptsOf(0), "the whole job restarts, the healthy subtask too");
        assertEquals(List.of(0, 1), failing.attemptsOf(1));
    }

    @Test
    void restartsRunOutAfterTheConfiguredAttemptsAndTheJobFailsSayingSo() {
        Configuration conf = fixedDelay(2);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        Probe alwaysFailing = new Probe(0, Integer.MAX_VALUE, false);
        env.fromSequence(1, 100).map(alwaysFailing).name("Always Failing").addSink(new SumSink());

        ExecutionException e = assertThrows(ExecutionException.class, () -> run(conf, env.getJobGraph("hopeless"), 1));

        String message = e.getCause().getMessage();
        assertTrue(message.contains("Always Failing"), message);
        assertTrue(message.contains("injected failure of attempt 2"), message);
        assertTrue(message.contains("after 2 restarts"), message);
        assertTrue(message.contains("Recovery is suppressed by"), message);
        assertEquals(List.of(0, 1, 2), alwaysFailing.attemptsOf(0));
    }

    @Test
    void batchRegionFailoverRerunsOnlyTheFailedRegion() throws Exception {
        Configuration conf = fixedDelay(1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        Probe firstStage = new Probe(-1, 0, false);
        Probe secondStage = new Probe(0, 1, true);
        TestingCollectSink<Long> sink = new TestingCollectSink<>();
        env.fromSequence(1, 1_000).map(firstStage)
                .keyBy(v -> v % 4).reduce(Long::sum).map(secondStage)
                .addSink(sink);

        run(conf, env.getJobGraph("region failover"), 2);

        List<Long> sums = new ArrayList<>(sink.drain());
        sums.sort(null);
        assertEquals(List.of(124_750L, 125_000L, 125_250L, 125_500L), sums); // 1..1000 by v % 4
        assertEquals(List.of(0), firstStage.attemptsOf(0), "the finished first stage is not re-run");
        assertEquals(List.of(0), firstStage.attemptsOf(1));
        assertEquals(List.of(0, 1), secondStage.attemptsOf(0), "the failed region runs again");
        assertEquals(List.of(0), secondStage.attemptsOf(1), "the other region of the stage is left alone");
    }

    @Test
    void invalidRestartStrategyFailsTheSubmissionNamingTheKey() {
        Configuration conf = new Configuration();
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_TYPE.key(), "sometimes");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.fromSequence(1, 10).addSink(new SumSink());

        ExecutionException e = assertThrows(ExecutionException.class, () -> run(conf, env.getJobGraph("bad"), 1));

        assertTrue(e.getCause().getMessage().contains("'restart-strategy.type'"), e.getCause().getMessage());
    }
}
