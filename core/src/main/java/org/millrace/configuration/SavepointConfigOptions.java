package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Which savepoint a job starts from ({@code flink run -s <path> [-n]}), with Flink's keys. */
public final class SavepointConfigOptions {

    private SavepointConfigOptions() {}

    public static final ConfigOption<String> SAVEPOINT_PATH = key("execution.savepoint.path")
            .stringType()
            .noDefaultValue()
            .withDescription("A savepoint (or retained checkpoint) directory, or its _metadata file, to start the job"
                    + " from. Operators find their state by uid; the parallelism may differ from the savepoint's.");

    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = key("execution.savepoint.ignore-unclaimed-state")
            .booleanType()
            .defaultValue(false)
            .withDescription("Start even if the savepoint holds state of operators the job no longer has (that state"
                    + " is dropped). Without it such a savepoint is refused, naming the operators.");
}
