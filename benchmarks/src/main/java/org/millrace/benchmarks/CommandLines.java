package org.millrace.benchmarks;

/** Parses the arguments of a benchmark main, or prints what is wrong with the usage and exits. */
final class CommandLines {

    /** Exit code for a bad command line. */
    static final int EXIT_USAGE = 2;

    private CommandLines() {}

    static BenchmarkArguments parseOrExit(String[] args, String program) {
        try {
            return BenchmarkArguments.parse(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(program, e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    static void exitWithUsage(String program, String problem) {
        System.err.println(program + ": " + problem);
        System.err.println("usage: " + program + " " + BenchmarkArguments.USAGE);
        System.exit(EXIT_USAGE);
    }

    /**
     * {@code --name value} pairs of a benchmark with its own options; a name not in {@code usage}
     * (or a missing value) prints the usage and exits.
     */
    static java.util.Map<String, String> namedOptions(String[] args, String program, String usage) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !usage.contains(args[i] + " ")) {
                System.err.println("usage: " + program + " " + usage);
                System.exit(EXIT_USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
