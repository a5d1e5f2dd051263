package org.millrace.core.memory;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The target that {@link org.millrace.api.common.typeutils.TypeSerializer}s write records to: a
 * {@link DataOutput} (big-endian, Java's modified UTF-8 for {@code writeUTF}) that may be backed by
 * a growable byte array or by memory segments.
 */
public interface DataOutputView extends DataOutput {

    /** Copies {@code numBytes} bytes from {@code source} into this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}
