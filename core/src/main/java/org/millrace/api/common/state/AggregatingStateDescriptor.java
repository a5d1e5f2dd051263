package org.millrace.api.common.state;

import java.util.Objects;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.typeinfo.TypeInformation;

/** Names an {@link AggregatingState}: its aggregate function and the type of its accumulator. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final TypeInformation<ACC> accumulatorType;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      TypeInformation<ACC> accumulatorType) {
        super(name);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function");
        this.accumulatorType = Objects.requireNonNull(accumulatorType, "accumulator type");
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
        this(name, aggregateFunction, TypeInformation.of(accumulatorClass));
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    public TypeInformation<ACC> getAccumulatorTypeInformation() {
        return accumulatorType;
    }
}
