package org.millrace.runtime.taskexecutor;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.checkpoint.TaskRestore;

/**
 * The checkpoint settings a subtask of a checkpointed job is deployed with.
 *
 * @param jobCheckpointDirectory {@code state.checkpoints.dir/<job id>} (a file system URI)
 * @param restore the state to start from, or null on a fresh start
 * @param exactlyOnce whether barriers are aligned ({@code execution.checkpointing.mode})
 * @param stateBackendSettings the job's {@code state.backend.*} settings, which override the
 *     TaskManager's own
 */
public record TaskCheckpointing(String jobCheckpointDirectory, TaskRestore restore, boolean exactlyOnce,
                                Map<String, String> stateBackendSettings) implements Serializable {

    /** The prefix of the keys a job passes on to its tasks' state backends. */
    public static final String STATE_BACKEND_PREFIX = "state.backend.";

    public TaskCheckpointing {
        stateBackendSettings = Map.copyOf(stateBackendSettings);
    }

    /** The {@code state.backend.*} entries of {@code configuration}. */
    public static Map<String, String> stateBackendSettingsOf(Configuration configuration) {
        Map<String, String> settings = new HashMap<>();
        configuration.toMap().forEach((key, value) -> {
            if (key.startsWith(STATE_BACKEND_PREFIX)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** {@code taskManagerConfiguration} with the job's state backend settings on top. */
    public Configuration stateBackendConfiguration(Configuration taskManagerConfiguration) {
        Configuration merged = new Configuration(taskManagerConfiguration);
        stateBackendSettings.forEach(merged::setString);
        return merged;
    }
}
