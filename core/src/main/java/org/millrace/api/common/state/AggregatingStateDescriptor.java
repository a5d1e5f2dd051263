package org.millrace.api.common.state;

import java.io.Serializable;
import java.util.Objects;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.typeinfo.TypeInformation;

/** Names an {@link AggregatingState}: its aggregate function and the type of its accumulator. */
public class AggregatingStateDescriptor<IN, ACC, OUT> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final TypeInformation<ACC> accumulatorType;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      TypeInformation<ACC> accumulatorType) {
        this.name = Objects.requireNonNull(name, "state name");
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function");
        this.accumulatorType = Objects.requireNonNull(accumulatorType, "accumulator type");
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
        this(name, aggregateFunction, TypeInformation.of(accumulatorClass));
    }

    public String getName() {
        return name;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    public TypeInformation<ACC> getAccumulatorTypeInformation() {
        return accumulatorType;
    }
}
