package org.millrace.benchmarks.flink;

import org.millrace.benchmarks.BenchmarkArguments;
import org.millrace.benchmarks.BenchmarkRunner;

/**
 * Command line for the Apache Flink side of the whole-job comparison:
 * {@code FlinkBenchmark --workload W1|W2|W3|W4-rebalance|W4-keyby|W5 [--parallelism p]
 * [--records N] [--repetitions r]}. Prints the same RESULT/MEDIAN lines as Millrace's
 * {@code WholeJobBenchmark} with {@code engine=flink}; exits with 1 on a wrong checksum, 2 on a bad
 * command line.
 */
public final class FlinkBenchmark {

    private static final int EXIT_USAGE = 2;

    private FlinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments;
        try {
            arguments = BenchmarkArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FlinkBenchmark: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        int exit = BenchmarkRunner.run(arguments.repetitions(),
                () -> FlinkJobs.run(arguments.workload(), arguments.parallelism(), arguments.records()), System.out);
        System.exit(exit);
    }
}
