package org.millrace.client.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code flink} command line ({@code bin/flink}), with Flink's syntax, output and exit codes:
 *
 * <pre>
 * flink run [-c,--class &lt;class&gt;] [-p,--parallelism &lt;n&gt;] [-d,--detached] [-D &lt;key&gt;=&lt;value&gt; ...] &lt;jar&gt; [args...]
 * flink --help | -h
 * flink run --help
 * </pre>
 *
 * {@code run} builds the configuration ({@link ClientConfigurationLoader}), loads the JAR
 * ({@link PackagedProgram}), makes {@code getExecutionEnvironment()} inside the program return an
 * environment with that configuration ({@link ClientEnvironmentFactory}) and calls {@code main}; the
 * jobs run on an embedded local cluster in this JVM. Job ids and results go to standard out
 * ({@link JobResultPrinter}), errors to standard err.
 *
 * <p>Exit codes: 0 when the program finished, 1 for a usage error, an invalid configuration or a
 * failed program.
 */
public final class CliFrontend {

    public static final String ACTION_RUN = "run";

    /** Flink's actions that talk to a running cluster; recognised, but not available with the embedded cluster. */
    private static final Set<String> CLUSTER_ACTIONS = Set.of("list", "cancel", "stop", "savepoint", "info");

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
        switch (action) {
            case "-h", "--help" -> {
                CliUsage.printGeneralHelp(out);
                return 0;
            }
            case ACTION_RUN -> {
                return runAction(actionArgs);
            }
            default -> {
                if (CLUSTER_ACTIONS.contains(action)) {
                    return usageError("Action \"" + action + "\" needs a running cluster, which this client cannot"
                            + " reach yet; only \"run\" (on the embedded local cluster) is available.");
                }
                return usageError("\"" + action + "\" is not a valid action. Valid actions are \"run\".");
            }
        }
    }

    private int runAction(List<String> args) {
        RunOptions options;
        try {
            options = CliOptionsParser.parseRunOptions(args);
        } catch (CliArgumentsException e) {
            return usageError(e.getMessage());
        }
        if (options.help()) {
            CliUsage.printRunHelp(out);
            return 0;
        }
        Configuration configuration;
        try {
            configuration = ClientConfigurationLoader.load(environment, options);
        } catch (IllegalConfigurationException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            err.println("The configuration is invalid: " + e.getMessage());
            return 1;
        }
        LOG.info("Client configuration: {}", configuration);
        if (options.detached()) {
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

    private void executeProgram(PackagedProgram program, Configuration configuration, List<String> programArgs)
            throws ProgramInvocationException {
        JobResultPrinter printer = new JobResultPrinter(out);
        StreamExecutionEnvironment.initializeContextEnvironment(
                new ClientEnvironmentFactory(configuration, program.getUserClassLoader(), printer));
        try {
            LOG.info("Starting {} with {} program arguments", program, programArgs.size());
            LOG.debug("Program arguments: {}", programArgs);
            program.invokeMain(programArgs.toArray(new String[0]));
        } finally {
            StreamExecutionEnvironment.resetContextEnvironment();
        }
        if (printer.submittedJobs() == 0) {
            throw new ProgramInvocationException("The program didn't contain a job. Perhaps you forgot to call"
                    + " execute() on the execution environment.");
        }
        LOG.info("Program {} finished", program.getMainClassName());
    }

    private int usageError(String message) {
        err.println(message);
        err.println();
        err.println(CliUsage.HINT);
        return 1;
    }

    private int programError(Throwable t) {
        LOG.error("The program failed", t);
        err.println();
        err.println("------------------------------------------------------------");
        err.println(" The program finished with the following exception:");
        err.println();
        t.printStackTrace(err);
        err.flush();
        return 1;
    }
}
