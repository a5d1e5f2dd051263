package org.millrace.streaming.runtime.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.runtime.jobgraph.ChainedOperatorConfig;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.operators.StreamOperator;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.operators.StreamingRuntimeContext;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.util.OutputTag;

/**
 * The operators of one task, wired together: chained successors are called directly, exchanges go
 * through record writers. Builds operators from the tail of the chain to the head (each needs its
 * output to exist), and runs the life cycle over all of them in the right order.
 */
final class OperatorChain {

    private final List<StreamOperator<?>> operators; // in chain order, head first
    private final List<String> names;
    private final List<String> operatorIds;
    private final List<StreamingRuntimeContext> contexts = new ArrayList<>();
    private final List<RecordWriter<?>> recordWriters;
    private final List<MailboxProcessingTimeService> timeServices = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskSetup setup, List<ChainedOperatorConfig> configs, Map<String, Accumulator<?, ?>> accumulators,
            TaskIOMetrics metrics, TaskMailbox mailbox) {
        int n = configs.size();
        String subtask = (setup.subtaskIndex() + 1) + "/" + setup.vertex().getParallelism();
        this.recordWriters = new ArrayList<>();
        for (int i = 0; i < setup.outputs().size(); i++) {
            JobEdge edge = setup.outputEdges().get(i);
            StreamPartitioner partitioner = edge.getPartitioner().copy();
            partitioner.setup(setup.outputs().get(i).getNumberOfSubpartitions(), setup.subtaskIndex());
            TypeSerializer<?> serializer = edge.getSerializer().duplicate();
            recordWriters.add(new RecordWriter(setup.outputs().get(i), partitioner,
                    new StreamElementSerializer(serializer), setup.bufferTimeout().isZero(), metrics));
        }
        StreamOperator<?>[] built = new StreamOperator[n];
        StreamingRuntimeContext[] builtContexts = new StreamingRuntimeContext[n];
        for (int i = n - 1; i >= 0; i--) {
            ChainedOperatorConfig config = configs.get(i);
            List<Output<?>> targets = new ArrayList<>();
            List<OutputTag<?>> sideTags = new ArrayList<>();
            List<Output<?>> sideTargets = new ArrayList<>();
            for (int c = 0; c < config.chainedOutputs().length; c++) {
                int chained = config.chainedOutputs()[c];
                Output<?> target = new ChainingOutput((OneInputStreamOperator) built[chained], configs.get(chained).name(), subtask);
                addTarget(config.chainedOutputTags()[c], target, targets, sideTags, sideTargets);
            }
            for (int e = 0; e < config.edgeOutputs().length; e++) {
                Output<?> target = new RecordWriterOutput(recordWriters.get(config.edgeOutputs()[e]));
                addTarget(config.edgeOutputTags()[e], target, targets, sideTags, sideTargets);
            }
            Output<?> output = combine(targets);
            if (!sideTargets.isEmpty()) {
                output = new SideOutputRouter(output, sideTags.toArray(new OutputTag[0]), sideTargets.toArray(new Output[0]));
            }
            MailboxProcessingTimeService timeService = new MailboxProcessingTimeService(setup.timerService(), mailbox,
                    config.name(), subtask);
            timeServices.add(timeService);
            StreamingRuntimeContext context = new StreamingRuntimeContext(
                    setup.vertex().getName(), setup.subtaskIndex(), setup.vertex().getParallelism(),
                    setup.vertex().getMaxParallelism(), setup.attemptNumber(), setup.userCodeClassLoader(), accumulators);
            if (setup.checkpointing() != null) {
                context.setKeyedStateBackendLoader(setup.checkpointing().keyedStateBackends());
            }
            builtContexts[i] = context;
            StreamOperatorParameters params = new StreamOperatorParameters(config.name(), output, context,
                    config.inputKeySelector(), setup.executionMode(), timeService, config.autoWatermarkIntervalMillis());
            try {
                built[i] = ((StreamOperatorFactory) config.factory()).createStreamOperator(params);
            } catch (RuntimeException e) {
                throw new OperatorFailureException(config.name(), subtask, e);
            }
        }
        this.operators = List.of(built);
        this.contexts.addAll(List.of(builtContexts));
        this.names = configs.stream().map(ChainedOperatorConfig::name).toList();
        this.operatorIds = configs.stream().map(ChainedOperatorConfig::operatorId).toList();
    }

    private static void addTarget(OutputTag<?> tag, Output<?> target, List<Output<?>> main, List<OutputTag<?>> sideTags,
            List<Output<?>> sideTargets) {
        if (tag == null) {
            main.add(target);
        } else {
            sideTags.add(tag);
            sideTargets.add(target);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<?> combine(List<Output<?>> targets) {
        if (targets.isEmpty()) {
            return DiscardingOutput.INSTANCE;
        }
        return targets.size() == 1 ? targets.get(0) : new BroadcastingOutput(targets.toArray(new Output[0]));
    }

    StreamOperator<?> getHead() {
        return operators.get(0);
    }

    String getHeadName() {
        return names.get(0);
    }

    List<RecordWriter<?>> getRecordWriters() {
        return recordWriters;
    }

    int size() {
        return operators.size();
    }

    String getOperatorId(int index) {
        return operatorIds.get(index);
    }

    String getName(int index) {
        return names.get(index);
    }

    StreamOperator<?> getOperator(int index) {
        return operators.get(index);
    }

    /** The keyed state backend of operator {@code index}, or null if it is not keyed. */
    KeyedStateBackend<?> getKeyedStateBackend(int index) {
        return contexts.get(index).getKeyedStateBackend();
    }

    /** Opens tail first, so an operator's successors are ready before it may emit. */
    void open(String subtask) throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            try {
                operators.get(i).open();
            } catch (OperatorFailureException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailureException(names.get(i), subtask, e);
            }
        }
    }

    /** Finishes head first: what an operator emits when finishing still reaches open successors. */
    void finish(String subtask) throws Exception {
        finish(subtask, 0, operators.size());
    }

    /** Finishes operators {@code [from, to)} of the chain, head first. */
    void finish(String subtask, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            try {
                operators.get(i).finish();
            } catch (OperatorFailureException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailureException(names.get(i), subtask, e);
            }
        }
    }

    /** Stops the operators' processing-time timers: none fires after the input has ended. */
    void quiesceTimers() {
        for (MailboxProcessingTimeService service : timeServices) {
            service.shutdown();
        }
    }

    /**
     * Closes every operator, then their keyed state backends (freeing native memory and local
     * files), keeping the first exception and adding later ones as suppressed.
     */
    void close(String subtask) throws Exception {
        quiesceTimers();
        Exception first = null;
        for (int i = 0; i < operators.size(); i++) {
            try {
                operators.get(i).close();
            } catch (Exception e) {
                first = keepFirst(first, new OperatorFailureException(names.get(i), subtask, e));
            }
        }
        for (int i = 0; i < operators.size(); i++) {
            KeyedStateBackend<?> backend = contexts.get(i).getKeyedStateBackend();
            if (backend != null) {
                try {
                    backend.close();
                } catch (RuntimeException e) {
                    first = keepFirst(first, new OperatorFailureException(names.get(i), subtask, e));
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Exception keepFirst(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Flushes every output, then sends {@code event} after what was flushed. */
    void broadcastEvent(org.millrace.runtime.io.network.AbstractEvent event) throws java.io.IOException {
        for (RecordWriter<?> writer : recordWriters) {
            writer.broadcastEvent(event);
        }
    }

    void flushOutputs() throws java.io.IOException {
        for (RecordWriter<?> writer : recordWriters) {
            writer.flushAll();
        }
    }
}
