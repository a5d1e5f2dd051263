package org.millrace.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * Parses the arguments of {@code flink run}, {@code flink list} and {@code flink cancel} (everything
 * after the action) into {@link RunOptions}, {@link ListOptions} and {@link CancelOptions}.
 *
 * <p>Options come first; the first argument that is not an option ends them. For {@code run} it is
 * the JAR file and everything after it belongs to the program, even if it looks like an option
 * ({@code --input}); for {@code cancel} it is the job id. {@code --} ends the options explicitly.
 * Long options take their value after a space or '=' ({@code --class=Cls}); {@code -D} takes
 * {@code key=value} attached or separate. A repeated {@code -D} key keeps its last value.
 *
 * <p>Every action accepts {@code -m,--jobmanager <host:port>}, {@code -t,--target <name>},
 * {@code -D <key>=<value>} and {@code -h,--help}. {@code run} adds {@code -c,--class},
 * {@code -p,--parallelism}, {@code -d,--detached} and Flink's old YARN options ({@link LegacyYarnOptions});
 * {@code list} adds {@code -r,--running},
 * {@code -s,--scheduled} and {@code -a,--all}.
 */
public final class CliOptionsParser {

    private enum Action { RUN, LIST, CANCEL }

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
        JobID jobId;
        try {
            jobId = JobID.fromHexString(args.get(parser.position).strip());
        } catch (IllegalArgumentException e) {
            throw new CliArgumentsException(e.getMessage());
        }
        return new CancelOptions(jobId, parser.target(), parser.dynamicProperties, false);
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
