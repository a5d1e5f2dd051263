package org.millrace.runtime.jobmaster;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.millrace.runtime.executiongraph.failover.SubtaskId;

/**
 * The subtasks a JobMaster will deploy again once they have all stopped and the restart
 * strategy's backoff has passed. Failures that arrive meanwhile add their subtasks and may lengthen
 * the backoff; the restart then runs once for all of them. Guarded by the JobMaster's lock.
 */
final class PendingRestart {

    private final Set<SubtaskId> subtasks = new HashSet<>();
    private long delayMillis;
    private boolean scheduled;

    void add(Collection<SubtaskId> more, long backoffMillis) {
        subtasks.addAll(more);
        delayMillis = Math.max(delayMillis, backoffMillis);
    }

    boolean contains(SubtaskId subtask) {
        return subtasks.contains(subtask);
    }

    long delayMillis() {
        return delayMillis;
    }

    /** Whether the restart was handed to the timer (later failures then wait for the next one). */
    boolean isScheduled() {
        return scheduled;
    }

    void markScheduled() {
        scheduled = true;
    }

    void markUnscheduled() {
        scheduled = false;
    }
}
