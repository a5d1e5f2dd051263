package org.millrace.streaming.api.environment;

import java.io.Serializable;
import java.time.Duration;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.PipelineOptions;
import java.util.Map;

/**
 * Job-wide settings Flink programs commonly touch through {@code env.getConfig()}: global job
 * parameters (visible to every function), object reuse and the auto-watermark interval. Records
 * are always handed between chained operators without copying, so object reuse settings change
 * nothing. Settings that are configuration options read and write the environment's configuration.
 */
public class ExecutionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Configuration configuration;

    public ExecutionConfig() {
        this(new Configuration());
    }

    /** A view on {@code configuration} (the environment's). */
    public ExecutionConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * How often periodic watermarks are emitted ({@code pipeline.auto-watermark-interval}), in
     * milliseconds; 0 disables periodic watermarks.
     */
    public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must not be negative, was " + intervalMillis);
        }
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(intervalMillis));
        return this;
    }

    public long getAutoWatermarkInterval() {
        return configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    private GlobalJobParameters globalJobParameters = new GlobalJobParameters();
    private boolean objectReuse;

    public void setGlobalJobParameters(GlobalJobParameters parameters) {
        this.globalJobParameters = parameters;
    }

    public GlobalJobParameters getGlobalJobParameters() {
        return globalJobParameters;
    }

    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    /** Parameters of the job as key/value pairs (e.g. the program arguments). */
    public static class GlobalJobParameters implements Serializable {
        private static final long serialVersionUID = 1L;

        public Map<String, String> toMap() {
            return Map.of();
        }
    }
}
