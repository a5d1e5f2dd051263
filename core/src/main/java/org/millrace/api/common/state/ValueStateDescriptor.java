package org.millrace.api.common.state;

import java.io.Serializable;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/** Names a {@link ValueState} and gives the type of its values (so it can be serialized in snapshots). */
public class ValueStateDescriptor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final TypeInformation<T> typeInfo;

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "state name");
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type");
    }

    public ValueStateDescriptor(String name, Class<T> type) {
        this(name, TypeInformation.of(type));
    }

    public String getName() {
        return name;
    }

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }
}
