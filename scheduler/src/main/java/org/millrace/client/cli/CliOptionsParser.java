package org.millrace.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the arguments of {@code flink run} (everything after the action) into {@link RunOptions}.
 *
 * <p>Options come first; the first argument that is not an option is the JAR file and everything
 * after it belongs to the program, even if it looks like an option ({@code --input}). {@code --}
 * ends the options explicitly. Accepted forms: {@code -c Cls}, {@code --class Cls},
 * {@code --class=Cls}, {@code -p 4}, {@code --parallelism 4}, {@code -d}, {@code --detached},
 * {@code -D key=value}, {@code -Dkey=value}, {@code -h}, {@code --help}. A repeated {@code -D} key
 * keeps its last value.
 */
public final class CliOptionsParser {

    private final List<String> args;
    private int position;

    private String entryClass;
    private Integer parallelism;
    private boolean detached;
    private final Map<String, String> dynamicProperties = new LinkedHashMap<>();

    private CliOptionsParser(List<String> args) {
        this.args = args;
    }

    /** Parses the arguments that follow {@code run}. */
    public static RunOptions parseRunOptions(List<String> args) throws CliArgumentsException {
        return new CliOptionsParser(args).parse();
    }

    private RunOptions parse() throws CliArgumentsException {
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
                return RunOptions.helpOnly();
            }
        }
        if (position >= args.size()) {
            throw new CliArgumentsException("Missing JAR file: give the path of the program's JAR file after the options.");
        }
        String jarFile = args.get(position);
        List<String> programArgs = args.subList(position + 1, args.size());
        return new RunOptions(jarFile, entryClass, parallelism, detached, dynamicProperties, programArgs, false);
    }

    /** Handles one option; returns true if it asks for help. */
    private boolean parseOption(String arg) throws CliArgumentsException {
        if (arg.startsWith("-D")) {
            addDynamicProperty(arg.length() > 2 ? arg.substring(2) : requireValue("-D"));
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
            case "-c", "--class" -> entryClass = inlineValue != null ? inlineValue : requireValue(name);
            case "-p", "--parallelism" -> parallelism = parseParallelism(inlineValue != null ? inlineValue : requireValue(name));
            case "-d", "--detached" -> detached = true;
            default -> throw new CliArgumentsException("Unrecognized option: " + arg);
        }
        return false;
    }

    private String requireValue(String option) throws CliArgumentsException {
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
