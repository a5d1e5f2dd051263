package org.millrace.streaming.api.environment;

import org.millrace.configuration.Configuration;

/** Lets a launcher (bin/flink) decide what {@code getExecutionEnvironment()} returns inside a user's main(). */
@FunctionalInterface
public interface StreamExecutionEnvironmentFactory {

    StreamExecutionEnvironment createExecutionEnvironment(Configuration configuration);
}
