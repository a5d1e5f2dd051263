package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * An {@link InternalWindowFunction} around one user function: hands that function out for
 * open/close and is named after it. The process-window wrappers also keep one reused context
 * here, pointed at the firing window before each call.
 */
abstract class WrappingWindowFunction<IN, OUT, K, W extends Window, F extends Function, C>
        implements InternalWindowFunction<IN, OUT, K, W> {

    private static final long serialVersionUID = 1L;

    protected final F function;
    /** The window the reused context describes. */
    protected transient W window;
    /** The operator's context of that window. */
    protected transient InternalWindowContext internal;
    private transient C context;

    WrappingWindowFunction(F function) {
        this.function = function;
    }

    /** Creates the context that {@link #context} reuses; wrappers without one never call it. */
    C newContext() {
        throw new UnsupportedOperationException();
    }

    /** The reused context, now describing {@code window}. */
    protected final C context(W window, InternalWindowContext internal) {
        if (context == null) {
            context = newContext();
        }
        this.window = window;
        this.internal = internal;
        return context;
    }

    @Override
    public Function[] userFunctions() {
        return new Function[] {function};
    }

    @Override
    public String toString() {
        return function.getClass().getSimpleName();
    }
}
