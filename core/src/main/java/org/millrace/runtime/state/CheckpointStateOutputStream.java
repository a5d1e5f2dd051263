package org.millrace.runtime.state;

import java.io.IOException;
import java.io.OutputStream;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * A state file of a checkpoint being written by a task. Only {@link #closeAndGetHandle()} makes it
 * part of the checkpoint; a stream closed with {@link #close()} (a failed snapshot) is abandoned.
 */
public abstract class CheckpointStateOutputStream extends OutputStream {

    /** Ends the file durably and returns where it is and how to check it. */
    public abstract FileStateHandle closeAndGetHandle() throws IOException;
}
