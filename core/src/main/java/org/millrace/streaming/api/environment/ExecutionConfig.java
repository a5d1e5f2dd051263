package org.millrace.streaming.api.environment;

import java.io.Serializable;
import java.util.Map;

/**
 * Job-wide settings Flink programs commonly touch through {@code env.getConfig()}: global job
 * parameters (visible to every function) and object reuse. Records are always handed between chained
 * operators without copying, so object reuse settings change nothing.
 */
public class ExecutionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

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
