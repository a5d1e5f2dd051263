package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;


/** Where checkpoints and savepoints are written and how many completed checkpoints are kept (Flink's keys). */
public final class CheckpointingOptions {

    private CheckpointingOptions() {}

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = key("state.checkpoints.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory (a file system URI: file:///..., hdfs://...) below which each job's"
                    + " checkpoints are written, one directory per job and per checkpoint. It must be reachable from"
                    + " the JobManager and every TaskManager.");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = key("state.savepoints.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Default target directory of savepoints when none is given on the command line.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = key("state.checkpoints.num-retained")
            .intType()
            .defaultValue(1)
            .withDescription("How many completed checkpoints are kept; older ones are deleted. With more than one,"
                    + " recovery can fall back to an earlier checkpoint if the latest is found damaged.");
}
