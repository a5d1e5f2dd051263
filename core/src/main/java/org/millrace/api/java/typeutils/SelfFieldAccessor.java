package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;

/** The "field" that is the whole value (position 0 or {@code "*"} of an atomic type); {@code set} returns the new value. */
final class SelfFieldAccessor<T> implements FieldAccessor<T, T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;

    SelfFieldAccessor(TypeInformation<T> type) {
        this.type = type;
    }

    @Override
    public T get(T record) {
        return record;
    }

    @Override
    public T set(T record, T fieldValue) {
        return fieldValue;
    }

    @Override
    public TypeInformation<T> getFieldType() {
        return type;
    }
}
