package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Which keyed state backend operators use and whether checkpoints are incremental (Flink's keys). */
public final class StateBackendOptions {

    private StateBackendOptions() {}

    public static final ConfigOption<String> STATE_BACKEND = key("state.backend.type")
            .stringType()
            .defaultValue("hashmap")
            .withDescription("Where keyed state lives: 'hashmap' (objects on the Java heap; 'heap' is accepted as"
                    + " an alias) or 'rocksdb' (an embedded RocksDB per operator instance on local disk, for state"
                    + " larger than memory and incremental checkpoints). Applies to jobs that take checkpoints.");

    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = key("state.backend.incremental")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether a backend that can (rocksdb) takes incremental checkpoints: only files new since"
                    + " the previous checkpoint are uploaded, the others are shared. Savepoints are always full.");
}
