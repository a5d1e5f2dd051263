package org.millrace.api.common.state;

import java.util.Objects;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Names a {@link ReducingState}, gives the function values are folded with and their type (so
 * the state can be serialized in snapshots).
 */
public class ReducingStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;
    private final TypeInformation<T> typeInfo;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type");
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        this(name, reduceFunction, TypeInformation.of(type));
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }
}
