package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options describing the job (pipeline) itself rather than where or how it is deployed. */
public final class PipelineOptions {

    private PipelineOptions() {}

    public static final ConfigOption<String> NAME = key("pipeline.name")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the job, shown in the web dashboard, the REST API and logs. When not"
                    + " set, the name passed to execute() is used, or a generated one.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = key("pipeline.max-parallelism")
            .intType()
            .noDefaultValue()
            .withDescription("Upper bound for rescaling a job with keyed state: the number of key groups."
                    + " It cannot change once the job has taken a savepoint. When not set, it is derived"
                    + " from the parallelism: 1.5 x parallelism rounded up to a power of two, at least 128"
                    + " and at most 32768.");

    public static final ConfigOption<Boolean> OBJECT_REUSE = key("pipeline.object-reuse")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether chained operators may hand the same record object to the next operator"
                    + " instead of a copy. Faster, but only safe if user functions neither keep nor modify"
                    + " input records after returning.");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = key("pipeline.auto-watermark-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How often periodic watermark generators (e.g. bounded out-of-orderness) emit a"
                    + " watermark. Shorter intervals make event-time windows and timers fire sooner at some"
                    + " cost in throughput; '0 ms' disables periodic watermarks (punctuated generators still"
                    + " emit).");
}
