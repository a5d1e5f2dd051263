package org.millrace.api.common.state;

import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/** Names a {@link ListState} and gives the type of its elements (so it can be serialized in snapshots). */
public class ListStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementType;

    public ListStateDescriptor(String name, TypeInformation<T> elementType) {
        super(name);
        this.elementType = Objects.requireNonNull(elementType, "element type");
    }

    public ListStateDescriptor(String name, Class<T> elementClass) {
        this(name, TypeInformation.of(elementClass));
    }

    public TypeInformation<T> getElementTypeInformation() {
        return elementType;
    }
}
