package org.millrace.api.java.typeutils;

import java.io.Serializable;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Reads and writes one field of a composite record (tuple position, POJO field, row position),
 * for {@code keyBy(field)} and the built-in aggregations {@code sum/min/max/minBy/maxBy}.
 */
public interface FieldAccessor<T, F> extends Serializable {

    F get(T record);

    /** Sets the field and returns the record (the same instance when the type is mutable). */
    T set(T record, F fieldValue);

    /** The field's type; a {@link DynamicTypeInfo} if only known at run time. */
    TypeInformation<F> getFieldType();
}
