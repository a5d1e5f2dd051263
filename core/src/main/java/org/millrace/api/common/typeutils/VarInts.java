package org.millrace.api.common.typeutils;

import java.io.IOException;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;

/**
 * Unsigned variable-length ints (7 bits per byte, the same format as
 * {@link DataOutputSerializer#writeVarInt(int)}) on any view, with a fast path for the concrete
 * views used on the record path. Serializers use it for lengths, null markers and tags.
 */
public final class VarInts {

    private VarInts() {}

    /** Writes {@code value} treated as unsigned: 1 byte below 128, at most 5 bytes. */
    public static void write(DataOutputView target, int value) throws IOException {
        if (target instanceof DataOutputSerializer) {
            ((DataOutputSerializer) target).writeVarInt(value);
            return;
        }
        while ((value & ~0x7F) != 0) {
            target.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target.writeByte(value);
    }

    /** Reads a value written by {@link #write}. */
    public static int read(DataInputView source) throws IOException {
        if (source instanceof DataInputDeserializer) {
            return ((DataInputDeserializer) source).readVarInt();
        }
        int result = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            byte b = source.readByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("Malformed variable-length int");
    }
}
