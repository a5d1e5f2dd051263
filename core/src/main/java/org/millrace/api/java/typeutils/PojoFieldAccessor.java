package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;

/** Reads and writes one field of a POJO in place, through its accessible {@link java.lang.reflect.Field}. */
final class PojoFieldAccessor<T, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final PojoField field;

    PojoFieldAccessor(PojoField field) {
        this.field = field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(T record) {
        try {
            return (F) field.getField().get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read POJO field " + field.getName(), e);
        }
    }

    @Override
    public T set(T record, F fieldValue) {
        try {
            field.getField().set(record, fieldValue);
            return record;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot set POJO field " + field.getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<F> getFieldType() {
        return (TypeInformation<F>) field.getTypeInformation();
    }
}
