package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * A one-byte null marker ({@code 0} null, {@code 1} present) in front of values whose own format
 * has no room for null. Composite serializers use it for fields and elements that may be null.
 */
public final class NullableSerializer {

    private NullableSerializer() {}

    /** Writes the marker and returns true if the caller must now write the value itself. */
    public static boolean writeMarker(Object value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeByte(0);
            return false;
        }
        target.writeByte(1);
        return true;
    }

    /** Reads a marker written by {@link #writeMarker}; true if a value follows. */
    public static boolean readMarker(DataInputView source) throws IOException {
        byte marker = source.readByte();
        if (marker == 1) {
            return true;
        }
        if (marker == 0) {
            return false;
        }
        throw new IOException("Corrupt data: expected a null marker (0 or 1) but read " + marker);
    }
}
