package org.millrace.api.common.typeutils;

import java.util.Arrays;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Type information for values made of named, typed fields (tuples, POJOs, rows). Field accessors,
 * {@code keyBy("field")} and the aggregations resolve field names and positions through it.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    protected CompositeType(Class<T> typeClass) {
        this.typeClass = typeClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    /** The type of field {@code pos} (0-based, in {@link #getFieldNames()} order). */
    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** The field names in position order. */
    public abstract String[] getFieldNames();

    /** The position of field {@code fieldName}, or -1 if there is none. */
    public int getFieldIndex(String fieldName) {
        return Arrays.asList(getFieldNames()).indexOf(fieldName);
    }

    @Override
    public int getArity() {
        return getFieldNames().length;
    }
}
