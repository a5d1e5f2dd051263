package org.millrace.runtime.resourcemanager;

/** One slot given to a job: slot {@code slotIndex} of a registered TaskExecutor. */
public record SlotAssignment(TaskExecutorRegistration taskExecutor, int slotIndex) {

    @Override
    public String toString() {
        return taskExecutor.resourceId() + "#" + slotIndex;
    }
}
