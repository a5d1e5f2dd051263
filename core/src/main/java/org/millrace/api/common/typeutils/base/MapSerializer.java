package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes a {@link Map} as a varint {@code size + 1} ({@code 0} = null map), then per entry the key
 * (never null) and a null marker with the value. Reads back a {@link HashMap}.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer);
        this.valueSerializer = Objects.requireNonNull(valueSerializer);
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        if (record == null) {
            VarInts.write(target, 0);
            return;
        }
        VarInts.write(target, record.size() + 1);
        for (Map.Entry<K, V> entry : record.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException("Map keys must not be null");
            }
            keySerializer.serialize(entry.getKey(), target);
            if (NullableSerializer.writeMarker(entry.getValue(), target)) {
                valueSerializer.serialize(entry.getValue(), target);
            }
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        if (header == 0) {
            return null;
        }
        int size = header - 1;
        Map<K, V> map = new HashMap<>((int) (size / 0.75f) + 1);
        for (int i = 0; i < size; i++) {
            K key = keySerializer.deserialize(source);
            map.put(key, NullableSerializer.readMarker(source) ? valueSerializer.deserialize(source) : null);
        }
        return map;
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        if (from == null) {
            return null;
        }
        Map<K, V> copy = new HashMap<>((int) (from.size() / 0.75f) + 1);
        for (Map.Entry<K, V> entry : from.entrySet()) {
            V value = entry.getValue();
            copy.put(keySerializer.copy(entry.getKey()), value == null ? null : valueSerializer.copy(value));
        }
        return copy;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> keys = keySerializer.duplicate();
        TypeSerializer<V> values = valueSerializer.duplicate();
        return keys == keySerializer && values == valueSerializer ? this : new MapSerializer<>(keys, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapSerializer
                && ((MapSerializer<?, ?>) o).keySerializer.equals(keySerializer)
                && ((MapSerializer<?, ?>) o).valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }
}
