package org.millrace.runtime.state;

import java.util.Map;
import org.millrace.runtime.checkpoint.SubtaskState;

/**
 * How a task tells the JobMaster's checkpoint coordinator that it has taken its part of a
 * checkpoint (with the state it wrote, by operator id) or that it could not. Directly in the
 * embedded cluster, over the control RPC in a distributed one. Called from any thread; never blocks.
 */
public interface CheckpointResponder {

    void acknowledge(long checkpointId, Map<String, SubtaskState> operatorStates);

    void decline(long checkpointId, Throwable reason);
}
