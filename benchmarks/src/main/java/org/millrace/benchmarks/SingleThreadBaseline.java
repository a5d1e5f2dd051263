package org.millrace.benchmarks;

/**
 * Command line for the single-thread baselines:
 * {@code SingleThreadBaseline --workload W1|W2|W3|W5 [--records N] [--repetitions r]}; prints the
 * same RESULT/MEDIAN lines as {@link WholeJobBenchmark} with {@code engine=single-thread}.
 */
public final class SingleThreadBaseline {

    private SingleThreadBaseline() {}

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = CommandLines.parseOrExit(args, "SingleThreadBaseline");
        if (arguments.parallelism() != 1) {
            CommandLines.exitWithUsage("SingleThreadBaseline", "the baseline runs on one thread: --parallelism must be 1");
        }
        int exit = BenchmarkRunner.run(arguments.repetitions(),
                () -> SingleThreadPrograms.run(arguments.workload(), arguments.records()), System.out);
        System.exit(exit);
    }
}
