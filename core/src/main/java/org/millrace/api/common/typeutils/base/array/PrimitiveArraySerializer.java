package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Base of the serializers for arrays of one primitive type: a varint {@code length + 1}
 * ({@code 0} = null array), then the elements back to back. Subclasses only say how to measure,
 * write, read and clone their array type.
 */
public abstract class PrimitiveArraySerializer<A> extends TypeSerializer<A> {

    private static final long serialVersionUID = 1L;

    @Override
    public final void serialize(A record, DataOutputView target) throws IOException {
        if (record == null) {
            VarInts.write(target, 0);
            return;
        }
        int length = length(record);
        VarInts.write(target, length + 1);
        writeElements(record, length, target);
    }

    @Override
    public final A deserialize(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        return header == 0 ? null : readElements(header - 1, source);
    }

    @Override
    public final A copy(A from) {
        return from == null ? null : cloneArray(from);
    }

    @Override
    public final TypeSerializer<A> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().getName().hashCode();
    }

    protected abstract int length(A array);

    protected abstract void writeElements(A array, int length, DataOutputView target) throws IOException;

    protected abstract A readElements(int length, DataInputView source) throws IOException;

    protected abstract A cloneArray(A array);
}
