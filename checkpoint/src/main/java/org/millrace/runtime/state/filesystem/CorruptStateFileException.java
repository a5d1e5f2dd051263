package org.millrace.runtime.state.filesystem;

import java.io.IOException;

/**
 * A checkpoint file is missing, truncated, or its bytes do not match their checksum. Recovery
 * treats the checkpoint holding it as unusable and falls back to an earlier one.
 */
public final class CorruptStateFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptStateFileException(String message) {
        super(message);
    }

    public CorruptStateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
