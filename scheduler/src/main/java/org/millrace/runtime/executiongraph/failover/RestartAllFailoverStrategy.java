package org.millrace.runtime.executiongraph.failover;

import java.util.Set;

/** {@code failover-strategy: full}: any failure restarts every subtask of the job. */
public final class RestartAllFailoverStrategy implements FailoverStrategy {

    private final FailoverTopology topology;

    public RestartAllFailoverStrategy(FailoverTopology topology) {
        this.topology = topology;
    }

    @Override
    public Set<SubtaskId> getTasksNeedingRestart(SubtaskId failed, Throwable cause) {
        topology.indexOf(failed); // rejects subtasks of another job
        return topology.allSubtasks();
    }
}
