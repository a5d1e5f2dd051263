package org.millrace.api.java.typeutils.runtime.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * One Kryo instance with its reusable buffers, configured for self-describing records: no
 * registration (class names are written), no references, and objects without a no-arg constructor
 * created through Objenesis. Each value is written as a varint length and the Kryo bytes (class
 * then object), so a reader never reads past the value. Not thread-safe and not serializable: the
 * serializers that use it create one lazily per instance.
 */
public final class KryoCodec {

    private final Kryo kryo;
    private final Output output = new Output(256, -1);
    private final Input input = new Input();
    private byte[] readBuffer = new byte[64];

    public KryoCodec() {
        kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            kryo.setClassLoader(loader);
        }
    }

    /** Writes {@code value} (may be null) with its class name. */
    public void write(Object value, DataOutputView target) throws IOException {
        output.reset();
        try {
            kryo.writeClassAndObject(output, value);
        } catch (KryoException e) {
            throw new IOException("Kryo could not serialize a " + (value == null ? "null" : value.getClass().getName()), e);
        }
        int length = output.position();
        VarInts.write(target, length);
        target.write(output.getBuffer(), 0, length);
    }

    /** Reads a value written by {@link #write}. */
    public Object read(DataInputView source) throws IOException {
        int length = VarInts.read(source);
        if (source instanceof DataInputDeserializer) {
            DataInputDeserializer in = (DataInputDeserializer) source;
            int start = in.getPosition();
            in.skipBytesToRead(length);
            input.setBuffer(in.array(), start, length);
        } else {
            if (readBuffer.length < length) {
                readBuffer = new byte[Math.max(length, readBuffer.length * 2)];
            }
            source.readFully(readBuffer, 0, length);
            input.setBuffer(readBuffer, 0, length);
        }
        try {
            return kryo.readClassAndObject(input);
        } catch (KryoException e) {
            throw new IOException("Kryo could not deserialize a value: " + e.getMessage(), e);
        } finally {
            input.setBuffer(readBuffer, 0, 0); // do not keep a reference to the caller's array
        }
    }

    /** A deep copy through Kryo's copy support, or through its bytes when a class cannot be copied. */
    public <T> T copy(T value) {
        if (value == null) {
            return null;
        }
        try {
            return kryo.copy(value);
        } catch (KryoException e) {
            output.reset();
            kryo.writeClassAndObject(output, value);
            @SuppressWarnings("unchecked")
            T copy = (T) kryo.readClassAndObject(new Input(output.getBuffer(), 0, output.position()));
            return copy;
        }
    }
}
