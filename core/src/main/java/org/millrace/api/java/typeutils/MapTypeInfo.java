package org.millrace.api.java.typeutils;

import java.util.Map;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.MapSerializer;

/** Type information for {@code java.util.Map}s with typed keys and values; read back as HashMaps. */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyType;
    private final TypeInformation<V> valueType;

    public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        this.keyType = Objects.requireNonNull(keyType);
        this.valueType = Objects.requireNonNull(valueType);
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyType;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<K, V>> getTypeClass() {
        return (Class<Map<K, V>>) (Class<?>) Map.class;
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer() {
        return new MapSerializer<>(keyType.createSerializer(), valueType.createSerializer());
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapTypeInfo
                && ((MapTypeInfo<?, ?>) o).keyType.equals(keyType)
                && ((MapTypeInfo<?, ?>) o).valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return 31 * keyType.hashCode() + valueType.hashCode();
    }

    @Override
    public String toString() {
        return "Map<" + keyType + ", " + valueType + ">";
    }
}
