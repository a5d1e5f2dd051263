package org.millrace.api.common.state;

import java.io.Serializable;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Names a map-shaped state and gives the types of its keys and values: what
 * {@code stream.broadcast(descriptor)} and the broadcast state of a broadcast process function are
 * declared with.
 */
public class MapStateDescriptor<UK, UV> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final TypeInformation<UK> keyType;
    private final TypeInformation<UV> valueType;

    public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
        this.name = Objects.requireNonNull(name, "state name");
        this.keyType = Objects.requireNonNull(keyType, "key type");
        this.valueType = Objects.requireNonNull(valueType, "value type");
    }

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public String getName() {
        return name;
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return keyType;
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return valueType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapStateDescriptor<?, ?> d && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
