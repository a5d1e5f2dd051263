package org.millrace.client.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.millrace.client.ClientOptions;
import org.millrace.client.local.LocalExecutorFactory;
import org.millrace.client.program.rest.JobStatusMessage;
import org.millrace.client.program.rest.RestClientException;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.client.remote.RemoteExecutorFactory;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code flink} command line ({@code bin/flink}), with Flink's syntax, output and exit codes:
 *
 * <pre>
 * flink run [-c,--class &lt;class&gt;] [-p,--parallelism &lt;n&gt;] [-d,--detached] [-m &lt;host:port&gt;] [-t &lt;target&gt;]
 *           [-D &lt;key&gt;=&lt;value&gt; ...] &lt;jar&gt; [args...]
 * flink list [-r,--running] [-s,--scheduled] [-a,--all] [-m &lt;host:port&gt;] [-D ...]
 * flink cancel [-m &lt;host:port&gt;] [-D ...] &lt;jobId&gt;
 * flink --help | -h
 * flink &lt;action&gt; --help
 * </pre>
 *
 * {@code run} builds the configuration ({@link ClientConfigurationLoader}), loads the JAR
 * ({@link PackagedProgram}), makes {@code getExecutionEnvironment()} inside the program return an
 * environment with that configuration ({@link ClientEnvironmentFactory}) and calls {@code main}.
 * The jobs run where {@code execution.target} says: by default on an embedded local cluster in
 * this JVM; with {@code -m host:port} on a session cluster, submitted over REST with the program's
 * JAR. {@code list} and {@code cancel} talk to the cluster at {@code rest.address}:{@code rest.port}.
 * Job ids and results go to standard out ({@link JobResultPrinter}, {@link JobListPrinter}),
 * errors to standard err.
 *
 * <p>Exit codes: 0 when the action succeeded; 1 for a usage error, an invalid configuration, a
 * failed program or job, an unreachable cluster, or an error answer of the cluster (e.g. an unknown
 * job id).
 */
public final class CliFrontend {

    public static final String ACTION_RUN = "run";
    public static final String ACTION_RUN_APPLICATION = "run-application";
    public static final String ACTION_LIST = "list";
    public static final String ACTION_CANCEL = "cancel";
    public static final String ACTION_INFO = "info";
    public static final String ACTION_SAVEPOINT = "savepoint";
    public static final String ACTION_STOP = "stop";

    private static final String SEPARATOR = "------------------------------------------------------------";

    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    /**
     * @param environment the process environment ({@code FLINK_CONF_DIR}, {@code MILLRACE_HOME}, ...)
     */
    public CliFrontend(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        int exitCode = new CliFrontend(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            return usageError("Please specify an action.");
        }
        String action = args[0];
        List<String> actionArgs = Arrays.asList(args).subList(1, args.length);
        LOG.info("Running action '{}'", action);
        try {
            switch (action) {
                case "-h", "--help" -> {
                    CliUsage.printGeneralHelp(out);
                    return 0;
                }
                case ACTION_RUN -> {
                    return runAction(CliOptionsParser.parseRunOptions(actionArgs));
                }
                case ACTION_RUN_APPLICATION -> {
                    return runApplicationAction(CliOptionsParser.parseRunOptions(actionArgs));
                }
                case ACTION_LIST -> {
                    return listAction(CliOptionsParser.parseListOptions(actionArgs));
                }
                case ACTION_CANCEL -> {
                    return cancelAction(CliOptionsParser.parseCancelOptions(actionArgs));
                }
                case ACTION_INFO -> {
                    return infoAction(CliOptionsParser.parseRunOptions(actionArgs));
                }
                case ACTION_SAVEPOINT -> {
                    return savepointAction(CliOptionsParser.parseSavepointOptions(actionArgs));
                }
                case ACTION_STOP -> {
                    return stopAction(CliOptionsParser.parseStopOptions(actionArgs));
                }
                default -> {
                    return usageError("\"" + action + "\" is not a valid action. Valid actions are \"run\","
                            + " \"run-application\", \"info\", \"list\", \"cancel\", \"stop\" and \"savepoint\".");
                }
            }
        } catch (CliArgumentsException e) {
            return usageError(e.getMessage());
        } catch (IllegalConfigurationException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            err.println("The configuration is invalid: " + e.getMessage());
            return 1;
        }
    }

    private int runAction(RunOptions options) {
        if (options.help()) {
            CliUsage.printRunHelp(out);
            return 0;
        }
        Configuration configuration = ClientConfigurationLoader.load(environment, options.configurationSettings());
        if (!configuration.contains(DeploymentOptions.TARGET)) {
            applyDefaultTarget(configuration);
        }
        configuration.set(ClientOptions.PIPELINE_JARS, List.of(Paths.get(options.jarFile()).toAbsolutePath().toString()));
        LOG.info("Client configuration: {}", configuration);
        if (!configuration.get(DeploymentOptions.ATTACHED) && isLocalTarget(configuration)) {
            String warning = "Detached mode (-d) needs a cluster target; the job runs attached on the embedded local cluster.";
            LOG.warn(warning);
            err.println("Warning: " + warning);
        }
        try (PackagedProgram program = PackagedProgram.fromJar(options.jarFile(), options.entryClass(),
                CliFrontend.class.getClassLoader())) {
            executeProgram(program, configuration, options.programArgs());
            return 0;
        } catch (Exception | LinkageError e) {
            return programError(e);
        }
    }

    /**
     * {@code flink run-application -t <target>}: an {@link ApplicationClusterDeployer} of that target
     * deploys a cluster that runs the program's main() itself; the client returns once it runs.
     */
    private int runApplicationAction(RunOptions options) {
        if (options.help()) {
            CliUsage.printRunHelp(out);
            return 0;
        }
        Configuration configuration = ClientConfigurationLoader.load(environment, options.configurationSettings());
        String target = configuration.get(DeploymentOptions.TARGET);
        List<String> targets = new ArrayList<>();
        for (ApplicationClusterDeployer deployer : ServiceLoader.load(ApplicationClusterDeployer.class,
                CliFrontend.class.getClassLoader())) {
            if (deployer.getName().equals(target)) {
                try {
                    deployer.deploy(configuration, Paths.get(options.jarFile()).toAbsolutePath(), options.entryClass(),
                            options.programArgs(), out);
                    return 0;
                } catch (Exception | LinkageError e) {
                    return programError(e);
                }
            }
            targets.add(deployer.getName());
        }
        return usageError("\"run-application\" needs an application target (-t), one of " + targets + "; was '" + target + "'.");
    }

    /** The first cluster a {@link DefaultClusterTargetProvider} names, if any (else the job runs locally). */
    private static void applyDefaultTarget(Configuration configuration) {
        for (DefaultClusterTargetProvider provider : ServiceLoader.load(DefaultClusterTargetProvider.class,
                CliFrontend.class.getClassLoader())) {
            Map<String, String> settings = provider.defaultTarget(configuration);
            if (!settings.isEmpty()) {
                LOG.info("No execution.target given; {} names {}", provider.getClass().getSimpleName(), settings);
                settings.forEach(configuration::setString);
                return;
            }
        }
    }

    private void executeProgram(PackagedProgram program, Configuration configuration, List<String> programArgs)
            throws ProgramInvocationException {
        program.run(configuration, programArgs, new JobResultPrinter(out));
        LOG.info("Program {} finished", program.getMainClassName());
    }

    /**
     * {@code flink info}: runs the program's main() up to its first execute() and prints that job's
     * plan between Flink's separator lines, without running the job.
     */
    private int infoAction(RunOptions options) {
        if (options.help()) {
            CliUsage.printInfoHelp(out);
            return 0;
        }
        Configuration configuration = ClientConfigurationLoader.load(environment, options.configurationSettings());
        try {
            JobGraph jobGraph = new ProgramJobGraphExtractor(configuration, CliFrontend.class.getClassLoader())
                    .extract(Paths.get(options.jarFile()), options.entryClass(), options.programArgs(), options.parallelism());
            out.println("----------------------- Execution Plan -----------------------");
            out.println(ExecutionPlanJson.of(jobGraph));
            out.println("--------------------------------------------------------------");
            return 0;
        } catch (Exception | LinkageError e) {
            return programError(e);
        }
    }

    private int listAction(ListOptions options) {
        if (options.help()) {
            CliUsage.printListHelp(out);
            return 0;
        }
        RestClusterClient client = clusterClient(options.configurationSettings(), ACTION_LIST);
        out.println("Waiting for response...");
        out.flush();
        try {
            List<JobStatusMessage> jobs = await(client.listJobs());
            LOG.info("Retrieved {} jobs from {}", jobs.size(), client.getWebInterfaceURL());
            new JobListPrinter(out, ZoneId.systemDefault()).print(jobs, options);
            return 0;
        } catch (RestClientException e) {
            return clusterError("Could not list the jobs", e);
        }
    }

    private int cancelAction(CancelOptions options) {
        if (options.help()) {
            CliUsage.printCancelHelp(out);
            return 0;
        }
        RestClusterClient client = clusterClient(options.configurationSettings(), ACTION_CANCEL);
        out.println("Cancelling job " + options.jobId() + ".");
        out.flush();
        try {
            await(client.cancel(options.jobId()));
            out.println("Cancelled job " + options.jobId() + ".");
            out.flush();
            return 0;
        } catch (RestClientException e) {
            return clusterError("Could not cancel job " + options.jobId(), e);
        }
    }

    private int savepointAction(SavepointOptions options) {
        if (options.help()) {
            CliUsage.printSavepointHelp(out);
            return 0;
        }
        RestClusterClient client = clusterClient(options.configurationSettings(), ACTION_SAVEPOINT);
        try {
            if (options.disposePath() != null) {
                out.println("Disposing savepoint '" + options.disposePath() + "'.");
                out.flush();
                await(client.disposeSavepoint(options.disposePath()));
                out.println("Savepoint '" + options.disposePath() + "' disposed.");
                return 0;
            }
            out.println("Triggering savepoint for job " + options.jobId() + ".");
            out.println("Waiting for response...");
            out.flush();
            String path = await(client.triggerSavepoint(options.jobId(), options.targetDirectory(), false));
            out.println("Savepoint completed. Path: " + path);
            out.println("You can resume your program from this savepoint with the run command.");
            return 0;
        } catch (RestClientException e) {
            return clusterError(options.disposePath() != null ? "Could not dispose savepoint " + options.disposePath()
                    : "Could not take a savepoint of job " + options.jobId(), e);
        } finally {
            out.flush();
        }
    }

    private int stopAction(StopOptions options) {
        if (options.help()) {
            CliUsage.printStopHelp(out);
            return 0;
        }
        RestClusterClient client = clusterClient(options.configurationSettings(), ACTION_STOP);
        out.println((options.drain() ? "Draining job \"" : "Suspending job \"") + options.jobId() + "\" with a savepoint.");
        out.flush();
        try {
            String path = await(client.stopWithSavepoint(options.jobId(), options.savepointDirectory(), options.drain()));
            out.println("Savepoint completed. Path: " + path);
            return 0;
        } catch (RestClientException e) {
            return clusterError("Could not stop job " + options.jobId() + " with a savepoint", e);
        } finally {
            out.flush();
        }
    }

    /**
     * A client of the cluster the configuration names.
     *
     * @throws IllegalConfigurationException if the configuration is invalid or names a target that is not reached over REST
     */
    private RestClusterClient clusterClient(Map<String, String> commandLineSettings, String action) {
        Configuration configuration = ClientConfigurationLoader.load(environment, commandLineSettings);
        if (!configuration.contains(DeploymentOptions.TARGET)) {
            applyDefaultTarget(configuration);
        }
        String target = configuration.get(DeploymentOptions.TARGET);
        if (isLocalTarget(configuration) || RemoteExecutorFactory.NAME.equalsIgnoreCase(target)) {
            return new RestClusterClient(configuration);
        }
        for (ClusterRestAddressResolver resolver : ServiceLoader.load(ClusterRestAddressResolver.class,
                CliFrontend.class.getClassLoader())) {
            Optional<InetSocketAddress> address;
            try {
                address = resolver.restAddress(configuration);
            } catch (Exception e) {
                LOG.error("Could not find the cluster of execution.target '{}'", target, e);
                throw new IllegalConfigurationException("Could not find the cluster of execution.target '" + target
                        + "': " + e.getMessage(), e);
            }
            if (address.isPresent()) {
                configuration.set(RestClientOptions.ADDRESS, address.get().getHostString());
                configuration.set(RestClientOptions.PORT, address.get().getPort());
                return new RestClusterClient(configuration);
            }
        }
        throw new IllegalConfigurationException("Action \"" + action + "\" reaches a cluster through its REST"
                + " address; execution.target '" + target + "' is not supported by it yet (use -m <host>:<port>)");
    }

    private static boolean isLocalTarget(Configuration configuration) {
        return LocalExecutorFactory.NAME.equalsIgnoreCase(configuration.get(DeploymentOptions.TARGET));
    }

    /** Waits for a cluster answer; a failure other than a {@link RestClientException} is unexpected and rethrown. */
    private static <T> T await(CompletableFuture<T> future) throws RestClientException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestClientException("Interrupted while waiting for the cluster", RestClientException.NO_RESPONSE, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RestClientException restFailure) {
                throw restFailure;
            }
            throw new IllegalStateException("Unexpected failure talking to the cluster: " + cause, cause);
        }
    }

    private int usageError(String message) {
        err.println(message);
        err.println();
        err.println(CliUsage.HINT);
        return 1;
    }

    private void printErrorHeader() {
        err.println();
        err.println(SEPARATOR);
        err.println(" The program finished with the following exception:");
        err.println();
    }

    /** A failed cluster request: the message only (the server's words); the stack trace goes to the log. */
    private int clusterError(String what, RestClientException e) {
        LOG.error(what, e);
        printErrorHeader();
        err.println(what + ": " + e.getMessage());
        err.flush();
        return 1;
    }

    /** A failed program: its stack trace, and for a job that failed on a cluster the failure's original trace. */
    private int programError(Throwable t) {
        LOG.error("The program failed", t);
        printErrorHeader();
        t.printStackTrace(err);
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerializedThrowable.RemoteFailureException remote && remote.getOriginalStackTrace() != null) {
                err.println();
                err.println("The job failed on the cluster with:");
                err.print(remote.getOriginalStackTrace());
                break;
            }
        }
        err.flush();
        return 1;
    }
}
