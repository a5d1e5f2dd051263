package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;

/** A field of a field ({@code "f0.name"}): reads through both accessors, writes the inner one in place. */
final class NestedFieldAccessor<T, M, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, M> outer;
    private final FieldAccessor<M, F> inner;

    NestedFieldAccessor(FieldAccessor<T, M> outer, FieldAccessor<M, F> inner) {
        this.outer = outer;
        this.inner = inner;
    }

    @Override
    public F get(T record) {
        return inner.get(outer.get(record));
    }

    @Override
    public T set(T record, F fieldValue) {
        return outer.set(record, inner.set(outer.get(record), fieldValue));
    }

    @Override
    public TypeInformation<F> getFieldType() {
        return inner.getFieldType();
    }
}
