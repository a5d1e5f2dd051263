package org.millrace.streaming.api.source;

/** What a poll of an input achieved, so the task loop knows whether to poll again, wait, or end. */
public enum InputStatus {
    /** More data can be read right away. */
    MORE_AVAILABLE,
    /** Nothing now; wait for the input's availability future. */
    NOTHING_AVAILABLE,
    /** The input has ended for good. */
    END_OF_INPUT
}
