package org.millrace.client.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.core.execution.JobClient;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.environment.StreamExecutionEnvironmentFactory;

/**
 * Learns the job a JAR's {@code main()} builds, without running it: while {@code main()} runs,
 * {@code getExecutionEnvironment()} returns an environment whose {@code execute()} records the job
 * graph and then stops {@code main()} by throwing an {@link Error} (so a program's
 * {@code catch (Exception e)} does not swallow it). Only the first job of a program is taken.
 *
 * Used by {@code POST /jars/:id/run} and by {@code flink info}.
 *
 * <p>Pitfall: the context environment is process-wide in {@link StreamExecutionEnvironment}, so
 * programs must be run one at a time: give this class a single-threaded executor.
 */
public final class ProgramJobGraphExtractor {

    private final Configuration configuration;
    private final ClassLoader parentClassLoader;

    /**
     * @param configuration what the program's environment starts from (the cluster's configuration)
     * @param parentClassLoader the parent of each program's class loader (the server's own)
     */
    public ProgramJobGraphExtractor(Configuration configuration, ClassLoader parentClassLoader) {
        this.configuration = new Configuration(configuration);
        this.parentClassLoader = parentClassLoader;
    }

    /**
     * Runs the program's main() up to its first {@code execute()}.
     *
     * @param entryClass the class to run, or null for the manifest's
     * @param parallelism the default parallelism of the job's operators, or null for the configured one
     * @throws ProgramInvocationException when the program cannot be loaded, fails, or never calls execute()
     */
    public JobGraph extract(Path jar, String entryClass, List<String> args, Integer parallelism)
            throws ProgramInvocationException {
        Configuration programConfiguration = new Configuration(configuration);
        if (parallelism != null) {
            programConfiguration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), entryClass, parentClassLoader)) {
            CapturingFactory factory = new CapturingFactory(programConfiguration, program.getUserClassLoader());
            StreamExecutionEnvironment.initializeContextEnvironment(factory);
            try {
                program.invokeMain(args.toArray(new String[0]));
            } catch (ProgramInvocationException e) {
                if (factory.captured.get() == null) {
                    throw e;
                }
            } finally {
                StreamExecutionEnvironment.resetContextEnvironment();
            }
            JobGraph jobGraph = factory.captured.get();
            if (jobGraph == null) {
                throw new ProgramInvocationException("The main method of " + program.getMainClassName()
                        + " returned without calling execute(): the program defines no job to run");
            }
            return jobGraph;
        } catch (LinkageError e) {
            throw new ProgramInvocationException("Could not load the program in " + jar.getFileName() + ": " + e, e);
        }
    }

    /** Creates environments that capture instead of executing; the program's own settings win over ours. */
    private static final class CapturingFactory implements StreamExecutionEnvironmentFactory {
        final AtomicReference<JobGraph> captured = new AtomicReference<>();
        private final Configuration baseConfiguration;
        private final ClassLoader userClassLoader;

        CapturingFactory(Configuration baseConfiguration, ClassLoader userClassLoader) {
            this.baseConfiguration = baseConfiguration;
            this.userClassLoader = userClassLoader;
        }

        @Override
        public StreamExecutionEnvironment createExecutionEnvironment(Configuration programConfiguration) {
            Configuration merged = new Configuration(baseConfiguration);
            merged.addAll(programConfiguration);
            return new CapturingEnvironment(merged, userClassLoader, captured);
        }
    }

    /** An environment whose {@code executeAsync} (behind every {@code execute}) records the job graph and stops main(). */
    private static final class CapturingEnvironment extends StreamExecutionEnvironment {
        private final AtomicReference<JobGraph> captured;

        CapturingEnvironment(Configuration configuration, ClassLoader userClassLoader, AtomicReference<JobGraph> captured) {
            super(configuration, userClassLoader);
            this.captured = captured;
        }

        @Override
        public JobClient executeAsync(String jobName) {
            captured.compareAndSet(null, getJobGraph(jobName));
            throw new ProgramAbort();
        }
    }

    /** Unwinds main() once its job graph is recorded; an Error so {@code catch (Exception e)} lets it pass. */
    private static final class ProgramAbort extends Error {
        private static final long serialVersionUID = 1L;

        ProgramAbort() {
            super("Job graph recorded; main() stopped before running the job", null, false, false);
        }
    }
}
