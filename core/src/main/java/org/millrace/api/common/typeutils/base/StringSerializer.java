package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes Strings (and null) in a compact format built for the record path.
 *
 * <pre>
 *   header (unsigned varint) = 0                      null
 *                            = (length &lt;&lt; 1 | wide) + 1
 *   wide = 0: length bytes, one per char (every char &lt;= 0xFF, i.e. Latin-1, which includes ASCII)
 *   wide = 1: length varints, one per UTF-16 char (surrogate pairs as two chars, so any String
 *             round-trips, even one with unpaired surrogates)
 * </pre>
 *
 * <p>The Latin-1 case is copied with one bulk copy in both directions when the views are the
 * array-backed {@link DataOutputSerializer} and {@link DataInputDeserializer}, and decoded in place
 * with {@code new String(bytes, off, len, ISO_8859_1)}, which for compact strings is a plain copy.
 */
public final class StringSerializer extends ImmutableValueSerializer<String> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final StringSerializer INSTANCE = new StringSerializer();

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        writeString(record, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return readString(source);
    }

    /** Writes {@code value} (may be null) in this serializer's format. */
    public static void writeString(String value, DataOutputView target) throws IOException {
        if (value == null) {
            VarInts.write(target, 0);
            return;
        }
        int length = value.length();
        if (isLatin1(value, length)) {
            VarInts.write(target, (length << 1) + 1);
            writeLatin1(value, length, target);
        } else {
            VarInts.write(target, ((length << 1) | 1) + 1);
            for (int i = 0; i < length; i++) {
                VarInts.write(target, value.charAt(i));
            }
        }
    }

    /** Reads a value written by {@link #writeString}. */
    public static String readString(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        if (header == 0) {
            return null;
        }
        int lengthAndFlag = header - 1;
        int length = lengthAndFlag >>> 1;
        if ((lengthAndFlag & 1) == 0) {
            return readLatin1(length, source);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) VarInts.read(source);
        }
        return new String(chars);
    }

    private static boolean isLatin1(String value, int length) {
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly "low byte of each char"
    private static void writeLatin1(String value, int length, DataOutputView target) throws IOException {
        if (target instanceof DataOutputSerializer) {
            DataOutputSerializer out = (DataOutputSerializer) target;
            int start = out.length();
            out.setPosition(start + length);
            value.getBytes(0, length, out.getSharedBuffer(), start);
        } else {
            byte[] bytes = new byte[length];
            value.getBytes(0, length, bytes, 0);
            target.write(bytes);
        }
    }

    private static String readLatin1(int length, DataInputView source) throws IOException {
        if (source instanceof DataInputDeserializer) {
            DataInputDeserializer in = (DataInputDeserializer) source;
            int start = in.getPosition();
            in.skipBytesToRead(length);
            return new String(in.array(), start, length, StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[length];
        source.readFully(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
