package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple;

/** Reads and writes field {@code fN} of a tuple in place. */
final class TupleFieldAccessor<T extends Tuple, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final int pos;
    private final TypeInformation<F> fieldType;

    TupleFieldAccessor(int pos, TypeInformation<F> fieldType) {
        this.pos = pos;
        this.fieldType = fieldType;
    }

    @Override
    public F get(T record) {
        return record.getField(pos);
    }

    @Override
    public T set(T record, F fieldValue) {
        record.setField(fieldValue, pos);
        return record;
    }

    @Override
    public TypeInformation<F> getFieldType() {
        return fieldType;
    }
}
