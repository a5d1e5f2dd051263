package org.millrace.streaming.runtime.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.runtime.jobgraph.ChainedOperatorConfig;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.SourceOperator;
import org.millrace.streaming.api.source.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One parallel subtask of a job vertex, run by one thread from start to end. The thread owns the
 * operators: it processes input in batches and, between batches, runs the mails other threads
 * post (buffer-timeout flushes, wake-ups). When there is no input it sleeps in the mailbox until
 * input availability or a mail wakes it.
 *
 * <pre>
 *   open chain ─> loop { mails; input batch | wait } ─> finish chain ─> end partitions ─> close
 * </pre>
 *
 * <p>On failure the task's partitions are failed, so consumers stop with the cause instead of
 * waiting forever, and the exception (naming the operator) propagates to the caller.
 */
public final class StreamTask {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);

    private final TaskSetup setup;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final String subtask;
    private final TaskIOMetrics ioMetrics = new TaskIOMetrics();
    private volatile boolean cancelled;
    private volatile Thread executingThread;
    private CompletableFuture<?> awaitedFuture;
    /** Null if the job takes no checkpoints. Task thread only. */
    private SubtaskCheckpointCoordinator checkpoints;
    /** A source that has read all its input waits for this: a checkpoint after its last record completed. */
    private CompletableFuture<Void> finalCheckpoint;
    private long lastBarrierAtEndOfInput = Long.MAX_VALUE;
    /** The operators, once created; task thread only (mails use it). */
    private OperatorChain operators;
    /** A source's input ended (exhausted or drained); task thread only. */
    private boolean sourceInputEnded;
    /** The savepoint a {@code flink stop --drain} ended this source's input with, -1 if none. */
    private long drainBarrierId = -1;

    public StreamTask(TaskSetup setup) {
        this.setup = setup;
        this.subtask = (setup.subtaskIndex() + 1) + "/" + setup.vertex().getParallelism();
    }

    public String getName() {
        return setup.taskNameWithSubtask();
    }

    /** The accumulators this subtask's functions registered; read after {@link #invoke()} returned. */
    public Map<String, Accumulator<?, ?>> getAccumulators() {
        return accumulators;
    }

    /** Busy, idle and back-pressured time of this subtask; readable from any thread. */
    public TaskIOMetrics getIOMetrics() {
        return ioMetrics;
    }

    /** Asks the task to stop; any thread. The task thread unwinds with a {@link TaskCancelledException}. */
    public void cancel() {
        cancelled = true;
        mailbox.put(() -> {});
        Thread t = executingThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * Starts checkpoint {@code checkpointId} (a savepoint into {@code targetLocation} if not null) at
     * this source task: between two records its operators snapshot and the barrier goes downstream. Any thread; ignored by tasks that are not sources
     * (barriers reach them with the data).
     *
     * <p>With {@code drain} (a savepoint of {@code flink stop --drain}) the source first ends its
     * input as if it were exhausted (its operator emits the final watermark, so event time ends and
     * every window downstream fires), then takes the savepoint, reads nothing more and finishes once
     * the savepoint is complete; the job then ends as a finished bounded job does.
     */
    public void triggerCheckpoint(long checkpointId, long timestamp, String targetLocation, boolean drain) {
        mailbox.put(() -> {
            if (checkpoints == null || setup.input() != null) {
                return;
            }
            try {
                if (drain && !sourceInputEnded) {
                    endSourceInput();
                    drainBarrierId = checkpointId;
                    LOG.info("{} drains: its input ends with savepoint {}", getName(), checkpointId);
                }
                checkpoints.checkpoint(new org.millrace.runtime.io.network.CheckpointBarrier(checkpointId, timestamp, targetLocation));
            } catch (Exception e) {
                throw new OperatorFailureException(getName(), "checkpoint " + checkpointId, e);
            }
        });
    }

    /** Checkpoint {@code checkpointId} of the job is complete: operators may commit. Any thread. */
    public void notifyCheckpointComplete(long checkpointId) {
        mailbox.put(() -> {
            if (checkpoints == null) {
                return;
            }
            try {
                checkpoints.notifyComplete(checkpointId);
            } catch (OperatorFailureException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailureException(getName(), "completing checkpoint " + checkpointId, e);
            }
            if (finalCheckpoint != null && checkpointId > lastBarrierAtEndOfInput) {
                finalCheckpoint.complete(null);
            }
        });
    }

    /** Checkpoint {@code checkpointId} was aborted. Any thread. */
    public void notifyCheckpointAborted(long checkpointId) {
        mailbox.put(() -> {
            if (checkpoints != null) {
                try {
                    checkpoints.notifyAborted(checkpointId);
                } catch (Exception e) {
                    LOG.warn("{}: an operator failed on the abort of checkpoint {}: {}", getName(), checkpointId, e.toString());
                }
            }
        });
    }

    /** Runs the task in the calling thread until its input ends, it fails, or it is cancelled. */
    public void invoke() throws Exception {
        executingThread = Thread.currentThread();
        OperatorChain chain = null;
        StreamInputProcessor input = null;
        ScheduledFuture<?> flusher = null;
        boolean closed = false;
        Throwable failure = null;
        try {
            List<ChainedOperatorConfig> configs = setup.vertex().deserializeChain(setup.userCodeClassLoader());
            chain = new OperatorChain(setup, configs, accumulators, ioMetrics, mailbox);
            operators = chain;
            if (setup.checkpointing() != null) {
                ChainStateRestore.initializeState(chain, setup.checkpointing().restore(), setup.checkpointing().storage(),
                        setup.subtaskIndex(), setup.vertex().getParallelism(), getName());
                checkpoints = new SubtaskCheckpointCoordinator(setup.checkpointing(), chain, getName(), setup.subtaskIndex());
            } else {
                // operators (and CheckpointedFunctions) are initialized with empty state all the same
                ChainStateRestore.initializeState(chain, null, null, setup.subtaskIndex(), setup.vertex().getParallelism(),
                        getName());
            }
            chain.open(subtask);
            input = createInputProcessor(chain);
            flusher = scheduleFlushes(chain);
            runMailboxLoop(input, chain);
            if (checkpoints != null && setup.input() == null) {
                // the source's last records (and its final watermark) must be in a completed checkpoint
                // before anything downstream may treat them as final, e.g. a sink committing them
                boolean drained = drainBarrierId >= 0;
                if (!drained) {
                    endSourceInput();
                }
                awaitFinalCheckpoint(drained ? drainBarrierId - 1 : checkpoints.lastBarrierId());
                chain.finish(subtask, 1, chain.size());
            } else {
                // processing-time timers do not fire after the end of input (as in Flink)
                chain.quiesceTimers();
                chain.finish(subtask);
            }
            // close before ending the partitions: a failing close (e.g. flushing a file) must fail
            // the task before any consumer sees the end of its input
            closed = true;
            closeInputAndOperators(input, chain);
            for (RecordWriter<?> writer : chain.getRecordWriters()) {
                writer.finish();
            }
            LOG.debug("{} finished", getName());
        } catch (Throwable t) {
            failure = cancelled && !(t instanceof OperatorFailureException) ? new TaskCancelledException(getName() + " was cancelled") : t;
            throw failure instanceof Exception e ? e : new RuntimeException(failure);
        } finally {
            if (flusher != null) {
                flusher.cancel(false);
            }
            if (!closed && chain != null) {
                try {
                    closeInputAndOperators(input, chain);
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            releaseOutputs(chain, failure);
            ioMetrics.markEnded();
            executingThread = null;
            Thread.interrupted(); // do not leak a cancel interrupt into the pooled thread
        }
    }

    /**
     * A checkpointed source's input is over: timers stop and the source operator finishes (emitting
     * the final watermark); the rest of the chain finishes once a checkpoint covers it all.
     */
    private void endSourceInput() throws Exception {
        sourceInputEnded = true;
        // processing-time timers do not fire after the end of input (as in Flink)
        operators.quiesceTimers();
        operators.finish(subtask, 0, 1);
    }

    /**
     * Waits, running mails (triggers, notifications), until a checkpoint newer than {@code
     * lastBarrier} completed: one whose barrier followed the source's last record.
     */
    private void awaitFinalCheckpoint(long lastBarrier) throws InterruptedException {
        lastBarrierAtEndOfInput = lastBarrier;
        finalCheckpoint = new CompletableFuture<>();
        if (checkpoints.lastCompletedId() > lastBarrier) {
            finalCheckpoint.complete(null);
        }
        LOG.debug("{} read all its input; waiting for a checkpoint after barrier {}", getName(), lastBarrierAtEndOfInput);
        while (!finalCheckpoint.isDone()) {
            waitFor(finalCheckpoint, ioMetrics::addIdleNanos);
        }
    }

    private void closeInputAndOperators(StreamInputProcessor input, OperatorChain chain) throws Exception {
        try {
            if (input != null) {
                input.close();
            }
        } finally {
            chain.close(subtask);
        }
    }

    /** Ends this task's use of its partitions; after a failure they are failed first, so consumers stop with the cause. */
    private void releaseOutputs(OperatorChain chain, Throwable failure) {
        if (chain == null) {
            for (ResultPartitionWriter partition : setup.outputs()) {
                if (failure != null) {
                    partition.fail(failure);
                }
                partition.close();
            }
            return;
        }
        for (RecordWriter<?> writer : chain.getRecordWriters()) {
            if (failure != null) {
                writer.releaseUnsentBuffers();
                writer.getPartition().fail(failure);
            }
            writer.getPartition().close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private StreamInputProcessor createInputProcessor(OperatorChain chain) {
        if (chain.getHead() instanceof SourceOperator<?> source) {
            return new SourceInputProcessor(source, chain.getHeadName(), subtask);
        }
        if (setup.input() == null) {
            throw new IllegalStateException(getName() + " has neither a source nor an input gate");
        }
        TypeSerializer serializer = setup.inputEdges().get(0).getSerializer();
        boolean exactlyOnce = setup.checkpointing() == null || setup.checkpointing().exactlyOnce();
        CheckpointBarrierAligner barriers = new CheckpointBarrierAligner(setup.input().getNumberOfInputChannels(), exactlyOnce,
                new CheckpointBarrierAligner.BarrierAction() {
                    @Override
                    public void aligned(org.millrace.runtime.io.network.CheckpointBarrier barrier) throws Exception {
                        if (checkpoints != null) {
                            checkpoints.checkpoint(barrier);
                        }
                    }

                    @Override
                    public void abandoned(long checkpointId) {
                        if (checkpoints != null) {
                            setup.checkpointing().responder().decline(checkpointId, new IllegalStateException(getName()
                                    + " received the barrier of a newer checkpoint before all barriers of checkpoint "
                                    + checkpointId));
                        }
                    }
                });
        return new NetworkInputProcessor(setup.input(), serializer, (OneInputStreamOperator) chain.getHead(),
                chain.getHeadName(), subtask, barriers);
    }

    private ScheduledFuture<?> scheduleFlushes(OperatorChain chain) {
        long timeout = setup.bufferTimeout().toMillis();
        if (timeout <= 0 || chain.getRecordWriters().isEmpty()) {
            return null;
        }
        Runnable flush = () -> {
            try {
                chain.flushOutputs();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return setup.timerService().scheduleWithFixedDelay(() -> mailbox.put(flush), timeout, timeout, TimeUnit.MILLISECONDS);
    }

    private void runMailboxLoop(StreamInputProcessor input, OperatorChain chain) throws Exception {
        while (true) {
            if (mailbox.hasMail()) {
                runMails();
            }
            if (drainBarrierId >= 0) {
                return; // stop --drain ended the source's input
            }
            checkCancelled();
            CompletableFuture<?> outputBlocked = firstUnavailableOutput(chain);
            if (outputBlocked != null) {
                waitFor(outputBlocked, ioMetrics::addBackPressuredNanos);
                continue;
            }
            InputStatus status = input.processInput();
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                waitFor(input.getAvailableFuture(), ioMetrics::addIdleNanos);
            }
        }
    }

    private static CompletableFuture<?> firstUnavailableOutput(OperatorChain chain) {
        for (RecordWriter<?> writer : chain.getRecordWriters()) {
            ResultPartitionWriter partition = writer.getPartition();
            CompletableFuture<?> f = partition.getAvailableFuture();
            if (!f.isDone()) {
                return f;
            }
        }
        return null;
    }

    /**
     * Sleeps in the mailbox until {@code future} completes (it posts a wake-up mail) or another mail
     * arrives, reporting the time slept to {@code waitedNanos} at least once a second.
     */
    private void waitFor(CompletableFuture<?> future, java.util.function.LongConsumer waitedNanos) throws InterruptedException {
        if (future.isDone()) {
            return;
        }
        if (future != awaitedFuture) {
            awaitedFuture = future;
            future.whenComplete((v, t) -> mailbox.put(() -> {}));
        }
        Runnable mail;
        do {
            checkCancelled();
            long start = System.nanoTime();
            mail = mailbox.take(1_000);
            waitedNanos.accept(System.nanoTime() - start);
        } while (mail == null && !future.isDone());
        if (mail != null) {
            mail.run();
        }
    }

    private void runMails() {
        Runnable mail;
        while ((mail = mailbox.tryTake()) != null) {
            mail.run();
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new TaskCancelledException(getName() + " was cancelled");
        }
    }
}
