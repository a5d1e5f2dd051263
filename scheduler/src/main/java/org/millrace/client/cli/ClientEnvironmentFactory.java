package org.millrace.client.cli;

import org.millrace.configuration.Configuration;
import org.millrace.core.execution.JobListener;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.environment.StreamExecutionEnvironmentFactory;

/**
 * What {@code getExecutionEnvironment()} returns inside a program started by {@code flink run}: an
 * environment with the client's configuration (file, {@code -D}, {@code -p}), the program's JAR
 * class loader, and the CLI's {@link JobListener}. Values the program passes to
 * {@code getExecutionEnvironment(conf)} win over the client's.
 */
public final class ClientEnvironmentFactory implements StreamExecutionEnvironmentFactory {

    private final Configuration clientConfiguration;
    private final ClassLoader userClassLoader;
    private final JobListener listener;

    public ClientEnvironmentFactory(Configuration clientConfiguration, ClassLoader userClassLoader, JobListener listener) {
        this.clientConfiguration = new Configuration(clientConfiguration);
        this.userClassLoader = userClassLoader;
        this.listener = listener;
    }

    @Override
    public StreamExecutionEnvironment createExecutionEnvironment(Configuration programConfiguration) {
        Configuration merged = new Configuration(clientConfiguration);
        merged.addAll(programConfiguration);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(merged, userClassLoader);
        env.registerJobListener(listener);
        return env;
    }
}
