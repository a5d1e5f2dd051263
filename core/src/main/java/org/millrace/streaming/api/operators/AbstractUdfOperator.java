package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.Function;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichFunction;

/**
 * Shared life cycle of operators that wrap one user function: gives a {@link RichFunction} its
 * runtime context and opens/closes it. Subclasses receive everything in the constructor.
 */
public abstract class AbstractUdfOperator<F extends Function, OUT> implements StreamOperator<OUT> {

    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;
    protected final Output<OUT> output;
    protected final StreamOperatorParameters<OUT> parameters;
    private boolean functionOpened;

    protected AbstractUdfOperator(StreamOperatorParameters<OUT> parameters, F userFunction) {
        this.parameters = parameters;
        this.userFunction = userFunction;
        this.output = parameters.getOutput();
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(parameters.getRuntimeContext());
            rich.open(OPEN_CONTEXT);
        }
        functionOpened = true;
    }

    @Override
    public void close() throws Exception {
        if (functionOpened && userFunction instanceof RichFunction rich) {
            functionOpened = false;
            rich.close();
        }
    }
}
