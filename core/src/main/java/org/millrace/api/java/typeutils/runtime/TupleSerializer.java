package org.millrace.api.java.typeutils.runtime;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes a tuple as its fields back to back, each in its field serializer's format: no header, no
 * field names. Fields must not be null (the error names the field). Plain {@code TupleN} classes
 * are instantiated without reflection; subclasses through their no-arg constructor.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;
    private final boolean plainTupleClass;
    private transient Constructor<T> constructor;

    @SuppressWarnings("unchecked")
    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
        this.tupleClass = tupleClass;
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fieldSerializers.length;
        this.plainTupleClass = tupleClass == Tuple.getTupleClass(arity);
        this.constructor = plainTupleClass ? null : findConstructor(tupleClass);
    }

    private static <X> Constructor<X> findConstructor(Class<X> tupleClass) {
        try {
            Constructor<X> c = tupleClass.getDeclaredConstructor();
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Tuple class " + tupleClass.getName() + " needs a no-argument constructor", e);
        }
    }

    public int getArity() {
        return arity;
    }

    public TypeSerializer<Object> getFieldSerializer(int pos) {
        return fieldSerializers[pos];
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        for (int i = 0; i < arity; i++) {
            Object field = record.getField(i);
            if (field == null) {
                throw nullField(i);
            }
            fieldSerializers[i].serialize(field, target);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T tuple = newTuple();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fieldSerializers[i].deserialize(source), i);
        }
        return tuple;
    }

    @Override
    public T copy(T from) {
        T tuple = newTuple();
        for (int i = 0; i < arity; i++) {
            Object field = from.getField(i);
            tuple.setField(field == null ? null : fieldSerializers[i].copy(field), i);
        }
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T newTuple() {
        if (plainTupleClass) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate tuple class " + tupleClass.getName(), e);
        }
    }

    private NullPointerException nullField(int pos) {
        return new NullPointerException("Field f" + pos + " of a " + tupleClass.getSimpleName()
                + " is null, but tuple fields must not be null (use a Row, a POJO or a sentinel value for missing data)");
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = duplicateAll(fieldSerializers);
        return duplicates == fieldSerializers ? this : new TupleSerializer<>(tupleClass, duplicates);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constructor = plainTupleClass ? null : findConstructor(tupleClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleSerializer
                && ((TupleSerializer<?>) o).tupleClass == tupleClass
                && Arrays.equals(((TupleSerializer<?>) o).fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }
}
