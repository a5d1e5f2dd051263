package org.millrace.api.common.typeutils;

import java.io.IOException;
import java.io.Serializable;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Turns values of one type into bytes and back. Chosen when the job graph is built (from the
 * stream's {@link org.millrace.api.common.typeinfo.TypeInformation}) and shipped with it, so the
 * hot path never inspects classes.
 *
 * <p>Threading: a serializer instance is used by one thread. Stateless serializers return
 * {@code this} from {@link #duplicate()}; stateful ones (Kryo, Avro) return a fresh copy, and every
 * task calls {@code duplicate()} before use.
 */
public abstract class TypeSerializer<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Writes {@code record} (which may be null only where the serializer says so) to {@code target}. */
    public abstract void serialize(T record, DataOutputView target) throws IOException;

    /** Reads one value written by {@link #serialize}. */
    public abstract T deserialize(DataInputView source) throws IOException;

    /** A deep copy of {@code from}; immutable types may return it as is. */
    public abstract T copy(T from);

    /** A serializer safe to use from another thread: {@code this} when stateless. */
    public abstract TypeSerializer<T> duplicate();

    /**
     * Whether values of this type can never change once created (boxed primitives, strings), so a
     * value may be shared without {@link #copy} — e.g. between the state and a snapshot of it.
     */
    public boolean isImmutableType() {
        return false;
    }

    /** The fixed serialized length in bytes, or -1 if records vary in length. */
    public int getLength() {
        return -1;
    }

    /**
     * Duplicates each serializer of a composite; returns {@code serializers} itself when every
     * element is stateless (duplicates to itself), so stateless composites can return {@code this}.
     */
    public static TypeSerializer<?>[] duplicateAll(TypeSerializer<?>[] serializers) {
        TypeSerializer<?>[] result = serializers;
        for (int i = 0; i < serializers.length; i++) {
            TypeSerializer<?> duplicate = serializers[i].duplicate();
            if (duplicate != serializers[i]) {
                if (result == serializers) {
                    result = serializers.clone();
                }
                result[i] = duplicate;
            }
        }
        return result;
    }
}
