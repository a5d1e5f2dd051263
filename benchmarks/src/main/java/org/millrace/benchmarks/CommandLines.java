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
}
