package org.millrace.api.common.typeutils.base;

import org.millrace.api.common.typeutils.TypeSerializer;

/**
 * Base of stateless serializers for immutable values: {@code copy} returns its argument,
 * {@code duplicate} returns {@code this}, and two instances of the same class are equal (so a
 * deserialized copy equals the shared {@code INSTANCE}).
 */
public abstract class ImmutableValueSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().getName().hashCode();
    }
}
