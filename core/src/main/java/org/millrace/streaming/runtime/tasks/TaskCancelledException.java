package org.millrace.streaming.runtime.tasks;

/** Unwinds a task's thread after it was cancelled; not a failure of the job. */
public final class TaskCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskCancelledException(String message) {
        super(message);
    }
}
