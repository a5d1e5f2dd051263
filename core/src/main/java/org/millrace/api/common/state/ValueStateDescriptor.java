package org.millrace.api.common.state;

import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/** Names a {@link ValueState} and gives the type of its values (so it can be serialized in snapshots). */
public class ValueStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> typeInfo;

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name);
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type");
    }

    public ValueStateDescriptor(String name, Class<T> type) {
        this(name, TypeInformation.of(type));
    }

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }
}
