package org.millrace.api.java.typeutils.runtime.kryo;

import java.io.IOException;
import java.util.Objects;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * The fallback serializer for {@link org.millrace.api.java.typeutils.GenericTypeInfo generic types}:
 * Kryo with class names, no registration and no references (see {@link KryoCodec} for the format).
 * Null is allowed. The Kryo instance is created on first use, so the serializer ships in the job
 * graph as just its class, and {@link #duplicate()} always gives a fresh instance.
 */
public final class KryoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient KryoCodec codec;

    public KryoSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type);
    }

    public Class<T> getType() {
        return type;
    }

    private KryoCodec codec() {
        KryoCodec c = codec;
        if (c == null) {
            c = new KryoCodec();
            codec = c;
        }
        return c;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        codec().write(record, target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView source) throws IOException {
        return (T) codec().read(source);
    }

    @Override
    public T copy(T from) {
        return codec().copy(from);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new KryoSerializer<>(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KryoSerializer && ((KryoSerializer<?>) o).type == type;
    }

    @Override
    public int hashCode() {
        return type.getName().hashCode();
    }
}
