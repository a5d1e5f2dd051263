package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.io.ObjectInputStream;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes an enum constant (or null) as a varint: {@code ordinal + 1}, {@code 0} for null. Writer
 * and reader must use the same version of the enum (constants are identified by position).
 */
public final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {

    private static final long serialVersionUID = 1L;

    private final Class<E> enumClass;
    private transient E[] constants;

    public EnumSerializer(Class<E> enumClass) {
        this.enumClass = enumClass;
        this.constants = enumClass.getEnumConstants();
    }

    @Override
    public void serialize(E record, DataOutputView target) throws IOException {
        VarInts.write(target, record == null ? 0 : record.ordinal() + 1);
    }

    @Override
    public E deserialize(DataInputView source) throws IOException {
        int value = VarInts.read(source);
        if (value == 0) {
            return null;
        }
        if (value > constants.length) {
            throw new IOException("Enum " + enumClass.getName() + " has no constant with ordinal " + (value - 1));
        }
        return constants[value - 1];
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public E copy(E from) {
        return from;
    }

    @Override
    public TypeSerializer<E> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumSerializer && ((EnumSerializer<?>) o).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constants = enumClass.getEnumConstants();
    }
}
