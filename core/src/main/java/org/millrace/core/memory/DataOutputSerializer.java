package org.millrace.core.memory;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable on-heap {@link DataOutputView}: serializers write a record here first, then the
 * record writer copies the bytes into network buffers. Reused across records ({@link #clear()}),
 * so the hot path allocates nothing once the array has grown to the largest record.
 */
public final class DataOutputSerializer implements DataOutputView {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        this.buffer = new byte[Math.max(initialSize, 16)];
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public void clear() {
        position = 0;
    }

    /** Moves the write position, e.g. back to a reserved length field. */
    public void setPosition(int position) {
        ensureCapacity(position - this.position);
        this.position = position;
    }

    /** A copy of the written bytes. */
    public byte[] copyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    private void ensureCapacity(int extra) {
        if (position + extra > buffer.length) {
            int newLength = Math.max(buffer.length * 2, position + extra);
            buffer = Arrays.copyOf(buffer, newLength);
        }
    }

    @Override
    public void write(int b) {
        ensureCapacity(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensureCapacity(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensureCapacity(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensureCapacity(2);
        SHORT.set(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensureCapacity(4);
        INT.set(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensureCapacity(8);
        LONG.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensureCapacity(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensureCapacity(2 * len);
        for (int i = 0; i < len; i++) {
            SHORT.set(buffer, position, (short) s.charAt(i));
            position += 2;
        }
    }

    /**
     * Writes an unsigned variable-length int: 7 bits per byte, high bit set on all but the last.
     * Values below 128 take one byte.
     */
    public void writeVarInt(int value) {
        ensureCapacity(5);
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeUTF(String str) throws IOException {
        int strlen = str.length();
        int utflen = 0;
        for (int i = 0; i < strlen; i++) {
            char c = str.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                utflen++;
            } else if (c > 0x07FF) {
                utflen += 3;
            } else {
                utflen += 2;
            }
        }
        if (utflen > 65535) {
            throw new UTFDataFormatException("String too long for writeUTF: " + utflen + " bytes");
        }
        ensureCapacity(utflen + 2);
        writeShort(utflen);
        for (int i = 0; i < strlen; i++) {
            char c = str.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buffer[position++] = (byte) c;
            } else if (c > 0x07FF) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
