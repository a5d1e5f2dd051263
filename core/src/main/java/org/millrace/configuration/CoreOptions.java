package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Options every job and process reads, whatever it runs on. Keys and field names are Flink's. */
public final class CoreOptions {

    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = key("parallelism.default")
            .intType()
            .defaultValue(1)
            .withDescription("Number of parallel subtasks of every operator whose parallelism is not set"
                    + " in the job itself (by setParallelism or the -p option of 'flink run').");
}
