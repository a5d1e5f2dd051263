package org.millrace.yarn.client;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.client.cli.ClientConfigurationLoader;
import org.millrace.client.cli.LegacyYarnOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.yarn.configuration.YarnConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/yarn-session.sh}: starts a Millrace session cluster on YARN, with Flink's options.
 * Detached ({@code -d}) it returns once the session runs; attached it stays until {@code stop} (or
 * {@code quit}) is read from standard input, then kills the application. Both write the
 * {@link YarnPropertiesFile} so that {@code flink run} finds the session; {@code -id} attaches to a
 * running session instead of starting one.
 */
public final class YarnSessionCli {

    private static final Logger LOG = LoggerFactory.getLogger(YarnSessionCli.class);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final InputStream in;

    public YarnSessionCli(PrintStream out, PrintStream err, Map<String, String> environment, InputStream in) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.in = in;
    }

    public static void main(String[] args) {
        int exitCode = new YarnSessionCli(System.out, System.err, System.getenv(), System.in).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns the exit code (0 = started, or stopped on request). */
    public int run(String... args) {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean detached = false;
        String applicationId = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        printHelp(out);
                        return 0;
                    }
                    case "-d", "--detached" -> detached = true;
                    case "-nm", "--name" -> settings.put(YarnConfigOptions.APPLICATION_NAME.key(), value(args, ++i, arg));
                    case "-qu", "--queue" -> settings.put(YarnConfigOptions.APPLICATION_QUEUE.key(), value(args, ++i, arg));
                    case "-jm", "--jobManagerMemory" ->
                            settings.put(YarnConfigOptions.JOB_MANAGER_PROCESS_SIZE.key(), memory(value(args, ++i, arg)));
                    case "-tm", "--taskManagerMemory" ->
                            settings.put(YarnConfigOptions.TASK_MANAGER_PROCESS_SIZE.key(), memory(value(args, ++i, arg)));
                    case "-s", "--slots" -> settings.put(TaskManagerOptions.NUM_TASK_SLOTS.key(), value(args, ++i, arg));
                    case "-id", "--applicationId" -> applicationId = value(args, ++i, arg);
                    case "-D" -> addProperty(settings, value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("-D") && arg.length() > 2) {
                            addProperty(settings, arg.substring(2));
                        } else {
                            throw new IllegalArgumentException("Unknown option '" + arg + "'");
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            printHelp(err);
            return 1;
        }
        try {
            Configuration configuration = ClientConfigurationLoader.load(environment, settings);
            return runSession(configuration, detached, applicationId);
        } catch (IllegalConfigurationException e) {
            err.println("The configuration is invalid: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.error("The YARN session failed", e);
            err.println("Error while running the YARN session: " + e.getMessage());
            return 1;
        }
    }

    private int runSession(Configuration configuration, boolean detached, String existingId) throws Exception {
        YarnPropertiesFile propertiesFile = new YarnPropertiesFile(configuration);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration, out)) {
            YarnClusterDescriptor.YarnApplication application = existingId != null ? descriptor.retrieve(existingId)
                    : descriptor.deploy(YarnSessionExecutorFactory.NAME);
            String id = application.applicationId().toString();
            out.println("JobManager Web Interface: http://" + application.restHost() + ":" + application.restPort());
            propertiesFile.write(id);
            LOG.info("Wrote the session's application id to {}", propertiesFile.path());
            if (detached) {
                out.println("The Millrace YARN session cluster has been started in detached mode. In order to stop it"
                        + " gracefully, use the following command:");
                out.println("$ echo \"stop\" | ./bin/yarn-session.sh -id " + id);
                out.println("If this should not be possible, then you can also kill it via YARN's web interface or via:");
                out.println("$ yarn application -kill " + id);
                out.flush();
                return 0;
            }
            out.println("Millrace YARN session running; type 'stop' (or 'quit') to stop it.");
            out.flush();
            awaitStop();
            out.println("Stopping YARN application " + id);
            out.flush();
            descriptor.kill(application.applicationId(), KILL_TIMEOUT);
            propertiesFile.delete();
            out.println("YARN application " + id + " stopped.");
            return 0;
        }
    }

    /** Blocks until {@code stop} or {@code quit} is read; end of input counts as stop. */
    private void awaitStop() throws java.io.IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String command = line.strip();
            if (command.equalsIgnoreCase("stop") || command.equalsIgnoreCase("quit")) {
                return;
            }
            if (!command.isEmpty()) {
                out.println("Unknown command '" + command + "'; type 'stop' to stop the session.");
                out.flush();
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[i];
    }

    /** Flink's {@code -jm}/{@code -tm}: a bare number is MiB. */
    private static String memory(String value) {
        return LegacyYarnOptions.megabytesByDefault(value);
    }

    private static void addProperty(Map<String, String> settings, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("Dynamic property '" + keyValue + "' is not of the form key=value");
        }
        settings.put(keyValue.substring(0, eq).strip(), keyValue.substring(eq + 1).strip());
    }

    static void printHelp(PrintStream stream) {
        for (String line : List.of(
                "Usage: bin/yarn-session.sh [OPTIONS]",
                "  -d,--detached                   Start the session and return (the application id goes to the properties file)",
                "  -D <property=value>             Any configuration value, e.g. -D taskmanager.memory.network.max=128mb",
                "  -h,--help                       This help",
                "  -id,--applicationId <id>        Attach to a running YARN session instead of starting one",
                "  -jm,--jobManagerMemory <mem>    Memory of the JobManager container (jobmanager.memory.process.size; MB without unit)",
                "  -nm,--name <name>               Name of the YARN application (yarn.application.name)",
                "  -qu,--queue <queue>             YARN queue (yarn.application.queue)",
                "  -s,--slots <n>                  Slots per TaskManager (taskmanager.numberOfTaskSlots)",
                "  -tm,--taskManagerMemory <mem>   Memory per TaskManager container (taskmanager.memory.process.size; MB without unit)")) {
            stream.println(line);
        }
    }
}
