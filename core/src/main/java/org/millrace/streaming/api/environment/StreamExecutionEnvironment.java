package org.millrace.streaming.api.environment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ConfigOptionRegistry;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.PipelineOptions;
import org.millrace.connector.datagen.source.DataGeneratorSource;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.JobListener;
import org.millrace.core.execution.PipelineExecutors;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.datastream.DataStreamSource;
import org.millrace.streaming.api.graph.JobGraphGenerator;
import org.millrace.streaming.api.graph.StreamGraph;
import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.SourceOperator;
import org.millrace.streaming.api.source.CollectionSource;
import org.millrace.streaming.api.source.NumberSequenceSource;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SocketTextSource;
import org.millrace.streaming.api.source.TextFileSource;
import org.millrace.util.InstantiationUtil;

/**
 * The entry point of a job: creates sources, collects the program's operators and runs them with
 * {@link #execute(String)}. Where the job runs depends on the configuration's
 * {@code execution.target} ("local" = an embedded MiniCluster in this JVM).
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromElements("a b", "b").flatMap(...).keyBy(...).sum(1).print();
 * env.execute("my job");
 * }</pre>
 */
public class StreamExecutionEnvironment {

    private static final ThreadLocal<StreamExecutionEnvironmentFactory> CONTEXT_FACTORY = new ThreadLocal<>();
    private static volatile StreamExecutionEnvironmentFactory globalContextFactory;

    private final Configuration configuration;
    private final ClassLoader userClassLoader;
    private final List<JobListener> jobListeners = new ArrayList<>();
    private final ExecutionConfig executionConfig;
    private StreamGraph streamGraph = new StreamGraph();
    private int parallelism;
    private boolean chainingEnabled = true;

    public StreamExecutionEnvironment() {
        this(new Configuration());
    }

    public StreamExecutionEnvironment(Configuration configuration) {
        this(configuration, Thread.currentThread().getContextClassLoader());
    }

    public StreamExecutionEnvironment(Configuration configuration, ClassLoader userClassLoader) {
        ConfigOptionRegistry.load().validate(configuration);
        this.configuration = new Configuration(configuration);
        this.executionConfig = new ExecutionConfig(this.configuration);
        this.userClassLoader = userClassLoader == null ? getClass().getClassLoader() : userClassLoader;
        this.parallelism = configuration.getOptional(CoreOptions.DEFAULT_PARALLELISM)
                .orElse(Runtime.getRuntime().availableProcessors());
        if (parallelism < 1) {
            throw new org.millrace.configuration.IllegalConfigurationException("Invalid value '" + parallelism
                    + "' for configuration key '" + CoreOptions.DEFAULT_PARALLELISM.key() + "': expected a positive integer");
        }
    }

    /**
     * The environment for the current context: inside {@code bin/flink run} the one the client set
     * up (parallelism, -D options, target); otherwise a local environment.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        StreamExecutionEnvironmentFactory factory = CONTEXT_FACTORY.get();
        if (factory == null) {
            factory = globalContextFactory;
        }
        return factory != null ? factory.createExecutionEnvironment(configuration) : new StreamExecutionEnvironment(configuration);
    }

    public static StreamExecutionEnvironment createLocalEnvironment() {
        return new StreamExecutionEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        return env;
    }

    /** Used by launchers: makes {@link #getExecutionEnvironment()} return environments from {@code factory}. */
    public static void initializeContextEnvironment(StreamExecutionEnvironmentFactory factory) {
        globalContextFactory = factory;
        CONTEXT_FACTORY.set(factory);
    }

    public static void resetContextEnvironment() {
        globalContextFactory = null;
        CONTEXT_FACTORY.remove();
    }

    // ------------------------------------------------------------------ settings

    public Configuration getConfiguration() {
        return configuration;
    }

    public ExecutionConfig getConfig() {
        return executionConfig;
    }

    public ClassLoader getUserClassLoader() {
        return userClassLoader;
    }

    /** The default parallelism of operators that do not set their own. */
    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    /** The number of key groups of keyed operators (the upper limit for rescaling). */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("The max parallelism must be in [1, 32768], was " + maxParallelism);
        }
        configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    /** The configured max parallelism, or -1 if it is derived from each operator's parallelism. */
    public int getMaxParallelism() {
        return configuration.getOptional(PipelineOptions.MAX_PARALLELISM).orElse(-1);
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        return this;
    }

    /**
     * Takes a checkpoint every {@code intervalMillis} (exactly once), so a failed job resumes from
     * its latest state instead of starting over; {@code state.checkpoints.dir} says where they go.
     */
    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
        return enableCheckpointing(intervalMillis, org.millrace.streaming.api.CheckpointingMode.EXACTLY_ONCE);
    }

    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, org.millrace.streaming.api.CheckpointingMode mode) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("The checkpoint interval must be positive, was " + intervalMillis + " ms");
        }
        configuration.set(ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL, java.time.Duration.ofMillis(intervalMillis));
        configuration.set(ExecutionCheckpointingOptions.CHECKPOINTING_MODE, mode);
        return this;
    }

    /** How long records may wait in a partly filled network buffer; 0 flushes after every record. */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < 0) {
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, false);
        } else {
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, true);
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(timeoutMillis));
        }
        return this;
    }

    public StreamExecutionEnvironment disableOperatorChaining() {
        this.chainingEnabled = false;
        return this;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    public void registerJobListener(JobListener listener) {
        jobListeners.add(listener);
    }

    public List<JobListener> getJobListeners() {
        return jobListeners;
    }

    // ------------------------------------------------------------------ sources

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("fromElements needs at least one element (or use fromElements(Class, ...))");
        }
        return fromCollection(Arrays.asList(data), TypeExtractor.getForObject(data[0]));
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... data) {
        return fromCollection(Arrays.asList(data), TypeExtractor.createTypeInfo(type));
    }

    /** Flink 2 name for {@link #fromElements(Object[])}. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... data) {
        return fromElements(data);
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("fromCollection cannot infer the type of an empty collection; pass the type");
        }
        return fromCollection(data, TypeExtractor.getForObject(data.iterator().next()));
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> type) {
        for (T element : data) {
            if (element == null) {
                throw new IllegalArgumentException("fromElements/fromCollection: the elements must not be null");
            }
        }
        CollectionSource<T> source;
        try {
            source = new CollectionSource<>(data, type.createSerializer());
        } catch (IOException e) {
            throw new InvalidProgramException("Could not serialize the elements of fromCollection with type " + type, e);
        }
        return fromSource(source, "Collection Source", type);
    }

    /** The longs {@code from..to} (inclusive), generated in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return fromSource(new NumberSequenceSource(from, to), "Sequence Source", TypeExtractor.createTypeInfo(Long.class));
    }

    /** The lines of a text file, or of all files in a directory (UTF-8). */
    public DataStreamSource<String> readTextFile(String filePath) {
        return fromSource(new TextFileSource(filePath), "Read Text File: " + filePath, TypeExtractor.createTypeInfo(String.class));
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("socketTextStream supports single-character delimiters, got '" + delimiter + "'");
        }
        return fromSource(new SocketTextSource(hostname, port, delimiter.charAt(0)), "Socket Stream",
                TypeExtractor.createTypeInfo(String.class));
    }

    /** A data generator source: {@code count} records made from their index. */
    public <T> DataStreamSource<T> fromSource(DataGeneratorSource<T> source, String sourceName) {
        return fromSource(source, sourceName, source.getProducedType());
    }

    /** A data generator source with event time from {@code watermarkStrategy}. */
    public <T> DataStreamSource<T> fromSource(DataGeneratorSource<T> source, WatermarkStrategy<T> watermarkStrategy,
            String sourceName) {
        return fromSource(source, watermarkStrategy, sourceName, source.getProducedType());
    }

    /**
     * A source whose records get timestamps and watermarks from {@code watermarkStrategy} right in
     * the source task ({@link WatermarkStrategy#noWatermarks()} for none).
     */
    public <T> DataStreamSource<T> fromSource(ReaderSource<T> source, WatermarkStrategy<T> watermarkStrategy,
            String sourceName, TypeInformation<T> type) {
        InstantiationUtil.serializeOrExplain(watermarkStrategy, "the watermark strategy of source '" + sourceName + "'");
        return addSource(source, sourceName, type, params -> new SourceOperator<T>(params, source, watermarkStrategy));
    }

    public <T> DataStreamSource<T> fromSource(ReaderSource<T> source, String sourceName, TypeInformation<T> type) {
        return addSource(source, sourceName, type, params -> new SourceOperator<T>(params, source));
    }

    private <T> DataStreamSource<T> addSource(ReaderSource<T> source, String sourceName, TypeInformation<T> type,
            org.millrace.streaming.api.operators.StreamOperatorFactory<T> factory) {
        StreamNode node = streamGraph.addSource("Source: " + sourceName, factory, type, parallelism, source.isBounded(), source.getMaxParallelism());
        return new DataStreamSource<>(this, node, type);
    }

    // ------------------------------------------------------------------ execution

    /** The program so far, as operators before chaining. */
    public StreamGraph getStreamGraph() {
        return streamGraph;
    }

    /**
     * Builds the job graph of the program so far and starts a new, empty program (as Flink's
     * {@code getStreamGraph()} does), so one environment can build several jobs one after another.
     */
    public JobGraph getJobGraph(String jobName) {
        RuntimeExecutionMode mode = resolveExecutionMode();
        Integer maxParallelism = configuration.getOptional(PipelineOptions.MAX_PARALLELISM).orElse(null);
        StreamGraph program = streamGraph;
        streamGraph = new StreamGraph();
        return new JobGraphGenerator(program, jobName, mode, parallelism, maxParallelism, chainingEnabled, configuration)
                .generate();
    }

    private RuntimeExecutionMode resolveExecutionMode() {
        RuntimeExecutionMode mode = configuration.get(ExecutionOptions.RUNTIME_MODE);
        boolean bounded = streamGraph.isBounded();
        if (mode == RuntimeExecutionMode.AUTOMATIC) {
            return bounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
        }
        if (mode == RuntimeExecutionMode.BATCH && !bounded) {
            throw new IllegalStateException("Detected an UNBOUNDED source with the '" + ExecutionOptions.RUNTIME_MODE.key()
                    + "' set to 'BATCH'. This combination is not allowed, please set the '"
                    + ExecutionOptions.RUNTIME_MODE.key() + "' to STREAMING or AUTOMATIC");
        }
        return mode;
    }

    public JobExecutionResult execute() throws Exception {
        return execute(configuration.getOptional(PipelineOptions.NAME).orElse("Millrace Streaming Job"));
    }

    /** Runs the program and waits for it to finish; throws if the job fails. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            JobExecutionResult result = client.getJobExecutionResult().get();
            jobListeners.forEach(l -> l.onJobExecuted(result, null));
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            jobListeners.forEach(l -> l.onJobExecuted(null, cause));
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new RuntimeException(cause);
        }
    }

    /** Submits the program and returns at once with a handle on the job. */
    public JobClient executeAsync(String jobName) throws Exception {
        JobGraph jobGraph = getJobGraph(jobName);
        CompletableFuture<JobClient> submission;
        try {
            submission = PipelineExecutors.forConfiguration(configuration, userClassLoader)
                    .execute(jobGraph, configuration, userClassLoader);
            JobClient client = submission.get();
            jobListeners.forEach(l -> l.onJobSubmitted(client, null));
            return client;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            jobListeners.forEach(l -> l.onJobSubmitted(null, cause));
            throw cause instanceof Exception ex ? ex : e;
        }
    }
}
