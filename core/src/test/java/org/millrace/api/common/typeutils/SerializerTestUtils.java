package org.millrace.api.common.typeutils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;

/**
 * Shared checks for serializers, for tests in every module. {@link #roundTrip} writes a value
 * through both the array-backed views of the record path (fast paths) and plain stream-backed
 * views (generic paths), asserts that both give the same bytes and that every byte is read back,
 * and returns the value read.
 */
public final class SerializerTestUtils {

    private SerializerTestUtils() {}

    /** Serializes and deserializes {@code value}; returns what was read (compare it yourself). */
    public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
        try {
            byte[] bytes = serialize(serializer, value);
            assertArrayEquals(bytes, serializeThroughStream(serializer, value),
                    "the fast and the generic write paths must produce the same bytes");

            DataInputDeserializer in = new DataInputDeserializer(bytes);
            T fast = serializer.deserialize(in);
            assertEquals(0, in.available(), "the deserializer must consume exactly the serialized bytes");

            StreamInputView slow = new StreamInputView(bytes);
            T viaStream = serializer.deserialize(slow);
            assertEquals(0, slow.stream.available(), "the generic read path must consume exactly the serialized bytes");
            assertEquals(Arrays.deepToString(new Object[] {fast}), Arrays.deepToString(new Object[] {viaStream}),
                    "both read paths must read the same value");
            return fast;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes {@code serializer} writes for {@code value} on the record path. */
    public static <T> byte[] serialize(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        return out.copyOfBuffer();
    }

    /** Reads one value from {@code bytes}, asserting that all bytes are consumed. */
    public static <T> T deserialize(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T value = serializer.deserialize(in);
        assertEquals(0, in.available(), "the deserializer must consume exactly the serialized bytes");
        return value;
    }

    private static <T> byte[] serializeThroughStream(TypeSerializer<T> serializer, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamOutputView out = new StreamOutputView(bytes);
        serializer.serialize(value, out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Java-serializes and deserializes {@code object} (serializers and type information ship in job graphs). */
    @SuppressWarnings("unchecked")
    public static <T extends Serializable> T javaRoundTrip(T object) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("Java serialization of " + object + " failed", e);
        }
    }

    /** A {@link DataOutputView} over a plain stream: exercises serializers' generic (non-array) paths. */
    static final class StreamOutputView extends DataOutputStream implements DataOutputView {
        StreamOutputView(ByteArrayOutputStream out) {
            super(out);
        }

        @Override
        public void write(DataInputView source, int numBytes) throws IOException {
            byte[] buffer = new byte[numBytes];
            source.readFully(buffer);
            write(buffer);
        }
    }

    /** A {@link DataInputView} over a plain stream: exercises serializers' generic (non-array) paths. */
    static final class StreamInputView extends DataInputStream implements DataInputView {
        final ByteArrayInputStream stream;

        StreamInputView(byte[] bytes) {
            this(new ByteArrayInputStream(bytes));
        }

        private StreamInputView(ByteArrayInputStream stream) {
            super(stream);
            this.stream = stream;
        }

        @Override
        public void skipBytesToRead(int numBytes) throws IOException {
            readFully(new byte[numBytes]);
        }
    }
}
