package org.millrace.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A {@link DataInputView} over a region of a byte array, re-pointable with {@link #setBuffer} so
 * one instance serves a whole stream of records without allocating.
 */
public final class DataInputDeserializer implements DataInputView {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;
    private int end;

    public DataInputDeserializer() {
        this(new byte[0]);
    }

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public void setBuffer(byte[] buffer, int start, int length) {
        this.buffer = buffer;
        this.position = start;
        this.end = start + length;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public int available() {
        return end - position;
    }

    /** The backing array, for serializers that decode bytes in place (e.g. Latin-1 strings). */
    public byte[] array() {
        return buffer;
    }

    private void require(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("Needed " + n + " bytes but only " + (end - position) + " remain");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= end) {
            return -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        require(numBytes);
        position += numBytes;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        if (position >= end) {
            throw new EOFException("No bytes remain");
        }
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = (short) SHORT.get(buffer, position);
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = (int) INT.get(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = (long) LONG.get(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads an int written by {@link DataOutputSerializer#writeVarInt(int)}. */
    public int readVarInt() throws IOException {
        int result = 0;
        int shift = 0;
        while (true) {
            byte b = readByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 28) {
                throw new IOException("Malformed variable-length int");
            }
        }
    }

    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int utflen = readUnsignedShort();
        require(utflen);
        char[] chars = new char[utflen];
        int count = 0;
        int limit = position + utflen;
        while (position < limit) {
            int c = buffer[position] & 0xFF;
            if (c < 0x80) {
                position++;
                chars[count++] = (char) c;
            } else if ((c >> 5) == 0x06 && position + 1 < limit) {
                int c2 = buffer[position + 1];
                chars[count++] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
                position += 2;
            } else if ((c >> 4) == 0x0E && position + 2 < limit) {
                int c2 = buffer[position + 1];
                int c3 = buffer[position + 2];
                chars[count++] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
                position += 3;
            } else {
                throw new UTFDataFormatException("Malformed modified UTF-8 at byte " + position);
            }
        }
        return new String(chars, 0, count);
    }
}
