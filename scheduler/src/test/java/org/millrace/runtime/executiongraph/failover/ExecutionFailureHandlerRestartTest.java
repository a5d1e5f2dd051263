package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.subtasks;
import static org.millrace.runtime.executiongraph.failover.PipelinedRegionsTest.union;

import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.Configuration;

class ExecutionFailureHandlerRestartTest {

    /** source (2) -hash, blocking-> sink (2). */
    private final FailoverTopology topology = FailoverTopology.builder()
            .addVertex(1, 2).addVertex(2, 2)
            .addEdge(10, 1, 2, DistributionPattern.ALL_TO_ALL, ResultPartitionType.BLOCKING)
            .build();

    private ExecutionFailureHandler handler(RestartBackoffTimeStrategy restartStrategy) {
        return new ExecutionFailureHandler(topology,
                FailoverStrategy.create(FailoverStrategyType.REGION, topology, ResultPartitionAvailabilityChecker.ALL_AVAILABLE),
                restartStrategy);
    }

    @Test
    void restartableFailureCarriesTheRegionTheDelayAndTheCause() {
        ExecutionFailureHandler handler = handler(new FixedDelayRestartBackoffTimeStrategy(2, 1500));
        IOException cause = new IOException("connection reset");
        FailureHandlingResult result = handler.getFailureHandlingResult(new SubtaskId(1, 0), cause, 12_345L);
        assertTrue(result.canRestart());
        assertEquals(1500L, result.getRestartDelayMillis());
        assertEquals(union(subtasks(1, 0), subtasks(2, 0, 1)), new TreeSet<>(result.getSubtasksToRestart()));
        assertSame(cause, result.getError());
        assertEquals("java.io.IOException: connection reset", result.getFailureMessage());
        assertEquals(Optional.of(new SubtaskId(1, 0)), result.getFailedSubtask());
        assertEquals(12_345L, result.getTimestamp());
        assertEquals(1, handler.getNumberOfRestarts());
    }

    @Test
    void exhaustedRestartStrategyFailsTheJobAndSaysWhy() {
        ExecutionFailureHandler handler = handler(new FixedDelayRestartBackoffTimeStrategy(1, 1000));
        assertTrue(handler.getFailureHandlingResult(new SubtaskId(2, 1), new RuntimeException("first"), 1L).canRestart());
        FailureHandlingResult result = handler.getFailureHandlingResult(new SubtaskId(2, 1), new RuntimeException("second"), 2L);
        assertFalse(result.canRestart());
        assertEquals("Recovery is suppressed by restart strategy 'fixed-delay' (1 restart attempts, delay 1000 ms):"
                + " java.lang.RuntimeException: second", result.getFailureMessage());
        assertThrows(IllegalStateException.class, result::getSubtasksToRestart);
        assertThrows(IllegalStateException.class, result::getRestartDelayMillis);
        assertEquals(1, handler.getNumberOfRestarts());
    }

    @Test
    void suppressedRestartsAreNeverRestartedAndDoNotUseAnAttempt() {
        FixedDelayRestartBackoffTimeStrategy restartStrategy = new FixedDelayRestartBackoffTimeStrategy(1, 0);
        ExecutionFailureHandler handler = handler(restartStrategy);
        Throwable cancelled = new RuntimeException("task failed",
                new SuppressRestartsException("The user cancelled the job", null));
        FailureHandlingResult result = handler.getFailureHandlingResult(new SubtaskId(1, 1), cancelled, 5L);
        assertFalse(result.canRestart());
        assertTrue(result.getFailureMessage().startsWith("Restarts are suppressed: "), result.getFailureMessage());
        assertTrue(handler.getFailureHandlingResult(new SubtaskId(1, 1), new RuntimeException(), 6L).canRestart(),
                "the suppressed failure did not count");
    }

    @Test
    void noRestartStrategyFromDefaultConfigurationFailsAtTheFirstFailure() {
        RestartBackoffTimeStrategy none = RestartBackoffTimeStrategyFactoryLoader
                .createFactory(new Configuration(), new Configuration(), false).create();
        FailureHandlingResult result = handler(none).getFailureHandlingResult(new SubtaskId(2, 0), new RuntimeException("boom"), 0L);
        assertFalse(result.canRestart());
        assertEquals("Recovery is suppressed by restart strategy 'none' (the job fails on its first failure):"
                + " java.lang.RuntimeException: boom", result.getFailureMessage());
    }

    @Test
    void globalFailureRestartsEverySubtask() {
        FailureHandlingResult result = handler(new FixedDelayRestartBackoffTimeStrategy(1, 10))
                .getGlobalFailureHandlingResult(new IllegalStateException("coordinator failed"), 0L);
        assertTrue(result.isGlobalFailure());
        assertEquals(4, result.getSubtasksToRestart().size());
        assertEquals(Optional.empty(), result.getFailedSubtask());
    }

    @Test
    void failoverStrategyOptionDefaultsToRegionAndAcceptsFull() {
        assertEquals(FailoverStrategyType.REGION, new Configuration().get(FailoverOptions.EXECUTION_FAILOVER_STRATEGY));
        Configuration conf = new Configuration();
        conf.setString("jobmanager.execution.failover-strategy", "full");
        assertEquals(FailoverStrategyType.FULL, conf.get(FailoverOptions.EXECUTION_FAILOVER_STRATEGY));
    }

    @Test
    void causeCyclesDoNotHangTheSuppressionCheck() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(ExecutionFailureHandler.isRestartSuppressed(a));
    }
}
