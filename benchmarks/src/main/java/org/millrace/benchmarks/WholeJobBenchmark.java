package org.millrace.benchmarks;

/**
 * Command line for the whole-job throughput runs of {@code shared/BENCHMARKS.md}:
 * {@code WholeJobBenchmark --workload W1|W2|W3|W4-rebalance|W4-keyby|W5 [--parallelism p] [--records N]
 * [--repetitions r]}. Prints a RESULT line per repetition and a MEDIAN line; exits with 1 if a
 * checksum differs from the reference.
 */
public final class WholeJobBenchmark {

    private WholeJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = CommandLines.parseOrExit(args, "WholeJobBenchmark");
        if (!MillraceJobs.supports(arguments.workload())) {
            CommandLines.exitWithUsage("WholeJobBenchmark", arguments.workload().cliName() + " is not supported by Millrace");
        }
        int exit = BenchmarkRunner.run(arguments.repetitions(),
                () -> MillraceJobs.run(arguments.workload(), arguments.parallelism(), arguments.records()), System.out);
        System.exit(exit);
    }
}
