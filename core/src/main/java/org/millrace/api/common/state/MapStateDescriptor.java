package org.millrace.api.common.state;

import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Names a map-shaped state and gives the types of its keys and values: what
 * {@code stream.broadcast(descriptor)} and the broadcast state of a broadcast process function are
 * declared with.
 */
public class MapStateDescriptor<UK, UV> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyType;
    private final TypeInformation<UV> valueType;

    public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
        super(name);
        this.keyType = Objects.requireNonNull(keyType, "key type");
        this.valueType = Objects.requireNonNull(valueType, "value type");
    }

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return keyType;
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return valueType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapStateDescriptor<?, ?> d && d.getName().equals(getName());
    }

    @Override
    public int hashCode() {
        return getName().hashCode();
    }
}
