package org.millrace.client.cli;

import org.millrace.configuration.SavepointConfigOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * Parses the arguments of {@code flink run}, {@code list}, {@code cancel}, {@code savepoint} and
 * {@code stop} (everything after the action) into their options records.
 *
 * <p>Options come first; the first argument that is not an option ends them. For {@code run} it is
 * the JAR file and everything after it belongs to the program, even if it looks like an option
 * ({@code --input}); for {@code cancel} it is the job id. {@code --} ends the options explicitly.
 * Long options take their value after a space or '=' ({@code --class=Cls}); {@code -D} takes
 * {@code key=value} attached or separate. A repeated {@code -D} key keeps its last value.
 *
 * <p>Every action accepts {@code -m,--jobmanager <host:port>}, {@code -t,--target <name>},
 * {@code -D <key>=<value>} and {@code -h,--help}. {@code run} adds {@code -c,--class},
 * {@code -p,--parallelism}, {@code -d,--detached}, {@code -s,--fromSavepoint},
 * {@code -n,--allowNonRestoredState} and Flink's old YARN options ({@link LegacyYarnOptions});
 * {@code list} adds {@code -r,--running}, {@code -s,--scheduled} and {@code -a,--all};
 * {@code savepoint} adds {@code -d,--dispose}; {@code stop} adds {@code -p,--savepointPath} and
 * {@code -d,--drain}.
 */
public final class CliOptionsParser {

    private enum Action { RUN, LIST, CANCEL, SAVEPOINT, STOP }

    private final Action action;
    private final List<String> args;
    private int position;

    private String jobManagerAddress;
    private String executionTarget;
    private final Map<String, String> dynamicProperties = new LinkedHashMap<>();
    private String entryClass;
    private Integer parallelism;
    private boolean detached;
    private boolean running;
    private boolean scheduled;
    private boolean all;
    private String disposePath;
    private String savepointDirectory;
    private boolean drain;

    private CliOptionsParser(Action action, List<String> args) {
        this.action = action;
        this.args = args;
    }

    /** Parses the arguments that follow {@code run}. */
    public static RunOptions parseRunOptions(List<String> args) throws CliArgumentsException {
        CliOptionsParser parser = new CliOptionsParser(Action.RUN, args);
        if (parser.parseOptions()) {
            return RunOptions.helpOnly();
        }
        if (!parser.hasMoreArguments()) {
            throw new CliArgumentsException("Missing JAR file: give the path of the program's JAR file after the options.");
        }
        String jarFile = args.get(parser.position);
        return new RunOptions(jarFile, parser.entryClass, parser.parallelism, parser.detached, parser.target(),
                parser.dynamicProperties, args.subList(parser.position + 1, args.size()), false);
    }

    /** Parses the arguments that follow {@code list}. */
    public static ListOptions parseListOptions(List<String> args) throws CliArgumentsException {
        CliOptionsParser parser = new CliOptionsParser(Action.LIST, args);
        boolean help = parser.parseOptions();
        if (!help && parser.hasMoreArguments()) {
            throw new CliArgumentsException("Unexpected argument for action \"list\": " + args.get(parser.position));
        }
        return new ListOptions(parser.running, parser.scheduled, parser.all,
                help ? ClusterTarget.CONFIGURED : parser.target(), parser.dynamicProperties, help);
    }

    /** Parses the arguments that follow {@code cancel}. */
    public static CancelOptions parseCancelOptions(List<String> args) throws CliArgumentsException {
        CliOptionsParser parser = new CliOptionsParser(Action.CANCEL, args);
        if (parser.parseOptions()) {
            return new CancelOptions(null, ClusterTarget.CONFIGURED, parser.dynamicProperties, true);
        }
        if (!parser.hasMoreArguments()) {
            throw new CliArgumentsException("Missing JobID: give the id of the job to cancel (see 'flink list').");
        }
        if (parser.position + 1 < args.size()) {
            throw new CliArgumentsException("Unexpected argument for action \"cancel\": " + args.get(parser.position + 1));
        }
        return new CancelOptions(jobId(args.get(parser.position)), parser.target(), parser.dynamicProperties, false);
    }

    /** Parses the arguments that follow {@code savepoint}: {@code <jobId> [targetDirectory]} or {@code -d <path>}. */
    public static SavepointOptions parseSavepointOptions(List<String> args) throws CliArgumentsException {
        CliOptionsParser parser = new CliOptionsParser(Action.SAVEPOINT, args);
        if (parser.parseOptions()) {
            return new SavepointOptions(null, null, null, ClusterTarget.CONFIGURED, parser.dynamicProperties, true);
        }
        int remaining = args.size() - parser.position;
        if (parser.disposePath != null) {
            if (remaining > 0) {
                throw new CliArgumentsException("Unexpected argument for \"savepoint --dispose\": " + args.get(parser.position));
            }
            return new SavepointOptions(null, null, parser.disposePath, parser.target(), parser.dynamicProperties, false);
        }
        if (remaining == 0) {
            throw new CliArgumentsException("Missing JobID: give the id of the job to take a savepoint of (see 'flink list').");
        }
        if (remaining > 2) {
            throw new CliArgumentsException("Unexpected argument for action \"savepoint\": " + args.get(parser.position + 2));
        }
        return new SavepointOptions(jobId(args.get(parser.position)), remaining == 2 ? args.get(parser.position + 1) : null,
                null, parser.target(), parser.dynamicProperties, false);
    }

    /** Parses the arguments that follow {@code stop}: {@code [-p dir] [-d] <jobId>}. */
    public static StopOptions parseStopOptions(List<String> args) throws CliArgumentsException {
        CliOptionsParser parser = new CliOptionsParser(Action.STOP, args);
        if (parser.parseOptions()) {
            return new StopOptions(null, null, false, ClusterTarget.CONFIGURED, parser.dynamicProperties, true);
        }
        if (!parser.hasMoreArguments()) {
            throw new CliArgumentsException("Missing JobID: give the id of the job to stop (see 'flink list').");
        }
        if (parser.position + 1 < args.size()) {
            throw new CliArgumentsException("Unexpected argument for action \"stop\": " + args.get(parser.position + 1));
        }
        return new StopOptions(jobId(args.get(parser.position)), parser.savepointDirectory, parser.drain, parser.target(),
                parser.dynamicProperties, false);
    }

    private static JobID jobId(String text) throws CliArgumentsException {
        try {
            return JobID.fromHexString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliArgumentsException(e.getMessage());
        }
    }

    /** Consumes the options; returns true (and stops) at one asking for help. */
    private boolean parseOptions() throws CliArgumentsException {
        while (position < args.size()) {
            String arg = args.get(position++);
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                position--;
                break;
            }
            if (parseOption(arg)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasMoreArguments() {
        return position < args.size();
    }

    private ClusterTarget target() throws CliArgumentsException {
        try {
            return new ClusterTarget(jobManagerAddress, executionTarget);
        } catch (IllegalArgumentException e) {
            throw new CliArgumentsException(e.getMessage());
        }
    }

    /** Handles one option; returns true if it asks for help. */
    private boolean parseOption(String arg) throws CliArgumentsException {
        if (arg.startsWith("-D")) {
            addDynamicProperty(arg.length() > 2 ? arg.substring(2) : requireValue("-D", null));
            return false;
        }
        if (action == Action.RUN && arg.startsWith("-yD")) {
            addDynamicProperty(arg.length() > 3 ? arg.substring(3) : requireValue("-yD", null));
            return false;
        }
        String name = arg;
        String inlineValue = null;
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
            name = arg.substring(0, equals);
            inlineValue = arg.substring(equals + 1);
        }
        switch (name) {
            case "-h", "--help" -> {
                return true;
            }
            case "-m", "--jobmanager" -> jobManagerAddress = requireValue(name, inlineValue).strip();
            case "-t", "--target" -> executionTarget = requireValue(name, inlineValue).strip();
            default -> parseActionOption(arg, name, inlineValue);
        }
        return false;
    }

    private void parseActionOption(String arg, String name, String inlineValue) throws CliArgumentsException {
        switch (action) {
            case RUN -> {
                switch (name) {
                    case "-c", "--class" -> entryClass = requireValue(name, inlineValue);
                    case "-p", "--parallelism" -> parallelism = parseParallelism(requireValue(name, inlineValue));
                    case "-d", "--detached", "-yd" -> detached = true;
                    case "-s", "--fromSavepoint" -> dynamicProperties.put(SavepointConfigOptions.SAVEPOINT_PATH.key(),
                            requireValue(name, inlineValue));
                    case "-n", "--allowNonRestoredState" -> dynamicProperties.put(
                            SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key(), "true");
                    default -> {
                        if (!LegacyYarnOptions.takesValue(name)) {
                            throw unrecognized(arg);
                        }
                        dynamicProperties.put(LegacyYarnOptions.keyOf(name),
                                LegacyYarnOptions.valueFor(name, requireValue(name, inlineValue)));
                    }
                }
            }
            case LIST -> {
                switch (name) {
                    case "-r", "--running" -> running = true;
                    case "-s", "--scheduled" -> scheduled = true;
                    case "-a", "--all" -> all = true;
                    default -> throw unrecognized(arg);
                }
            }
            case SAVEPOINT -> {
                switch (name) {
                    case "-d", "--dispose" -> disposePath = requireValue(name, inlineValue);
                    default -> throw unrecognized(arg);
                }
            }
            case STOP -> {
                switch (name) {
                    case "-p", "--savepointPath" -> savepointDirectory = requireValue(name, inlineValue);
                    case "-d", "--drain" -> drain = true;
                    default -> throw unrecognized(arg);
                }
            }
            case CANCEL -> throw unrecognized(arg);
        }
    }

    private static CliArgumentsException unrecognized(String arg) {
        return new CliArgumentsException("Unrecognized option: " + arg);
    }

    private String requireValue(String option, String inlineValue) throws CliArgumentsException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (position >= args.size()) {
            throw new CliArgumentsException("Missing value for option " + option);
        }
        return args.get(position++);
    }

    private void addDynamicProperty(String keyValue) throws CliArgumentsException {
        int equals = keyValue.indexOf('=');
        if (equals <= 0) {
            throw new CliArgumentsException("Dynamic property '" + keyValue + "' must have the form -D <key>=<value>");
        }
        dynamicProperties.put(keyValue.substring(0, equals).trim(), keyValue.substring(equals + 1).trim());
    }

    private static int parseParallelism(String value) throws CliArgumentsException {
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliArgumentsException("The parallelism (-p) must be a positive integer, was '" + value + "'");
    }
}
