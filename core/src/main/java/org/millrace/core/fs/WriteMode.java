package org.millrace.core.fs;

/** Whether a file sink may replace an existing file. */
public enum WriteMode {
    /** Fail if the target exists (the default). */
    NO_OVERWRITE,
    /** Replace the target. */
    OVERWRITE
}
