package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;

/** Skeleton: the type of values known only at run time (erased lambda outputs). */
public final class DynamicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getTypeClass() {
        return (Class<T>) Object.class;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        throw new UnsupportedOperationException("not built yet");
    }
}
