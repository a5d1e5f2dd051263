package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.types.Row;

/** Reads and writes one position of a {@link Row} in place. */
final class RowFieldAccessor<F> implements FieldAccessor<Row, F> {

    private static final long serialVersionUID = 1L;

    private final int pos;
    private final TypeInformation<F> fieldType;

    RowFieldAccessor(int pos, TypeInformation<F> fieldType) {
        this.pos = pos;
        this.fieldType = fieldType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(Row record) {
        return (F) record.getField(pos);
    }

    @Override
    public Row set(Row record, F fieldValue) {
        record.setField(pos, fieldValue);
        return record;
    }

    @Override
    public TypeInformation<F> getFieldType() {
        return fieldType;
    }
}
