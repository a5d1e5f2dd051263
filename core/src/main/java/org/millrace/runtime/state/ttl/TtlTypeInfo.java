package org.millrace.runtime.state.ttl;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;

/** The type of the {@link TtlValue}s a state with time-to-live stores, wrapping the user's value type. */
public final class TtlTypeInfo<T> extends TypeInformation<TtlValue<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> valueType;

    public TtlTypeInfo(TypeInformation<T> valueType) {
        this.valueType = valueType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<TtlValue<T>> getTypeClass() {
        return (Class) TtlValue.class;
    }

    @Override
    public TypeSerializer<TtlValue<T>> createSerializer() {
        return new TtlSerializer<>(valueType.createSerializer());
    }

    @Override
    public String toString() {
        return "TtlValue<" + valueType + ">";
    }
}
