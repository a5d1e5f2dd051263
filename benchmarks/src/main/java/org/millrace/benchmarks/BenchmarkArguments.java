package org.millrace.benchmarks;

/**
 * The command line shared by the benchmark mains:
 * {@code --workload W [--parallelism p] [--records N] [--repetitions r]}.
 */
public record BenchmarkArguments(Workload workload, int parallelism, long records, int repetitions) {

    public static final int DEFAULT_PARALLELISM = 1;
    public static final long DEFAULT_RECORDS = 20_000_000L;
    public static final int DEFAULT_REPETITIONS = 3;

    /** Usage text naming every option. */
    public static final String USAGE =
            "--workload W1|W2|W3|W4-rebalance|W4-keyby|W5 [--parallelism p] [--records N] [--repetitions r]";

    public BenchmarkArguments {
        if (parallelism < 1 || records < 0 || repetitions < 1) {
            throw new IllegalArgumentException("Expected parallelism >= 1, records >= 0 and repetitions >= 1, got "
                    + parallelism + ", " + records + ", " + repetitions);
        }
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} naming the bad option. */
    public static BenchmarkArguments parse(String[] args) {
        Workload workload = null;
        int parallelism = DEFAULT_PARALLELISM;
        long records = DEFAULT_RECORDS;
        int repetitions = DEFAULT_REPETITIONS;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value; usage: " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--workload" -> workload = Workload.parse(value);
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                case "--records" -> records = Long.parseLong(value.replace("_", ""));
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; usage: " + USAGE);
            }
        }
        if (workload == null) {
            throw new IllegalArgumentException("Missing --workload; usage: " + USAGE);
        }
        return new BenchmarkArguments(workload, parallelism, records, repetitions);
    }
}
