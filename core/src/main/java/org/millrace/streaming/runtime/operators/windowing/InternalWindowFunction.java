package org.millrace.streaming.runtime.operators.windowing;

import java.io.Serializable;
import org.millrace.api.common.functions.Function;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichFunction;
import org.millrace.api.common.functions.RuntimeContext;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * The window operator's view of whatever evaluates a fired window (a process window function, a
 * window function, or nothing but passing the pre-aggregated value on), so the operator has one
 * call site for all of them.
 */
public interface InternalWindowFunction<IN, OUT, K, W extends Window> extends Serializable {

    void process(K key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out) throws Exception;

    /** The window's state is being removed. */
    default void clear(W window, InternalWindowContext context) throws Exception {}

    /** The user functions inside, for open/close. */
    Function[] userFunctions();

    /** Gives rich user functions their context and opens them. */
    default void open(RuntimeContext runtimeContext) throws Exception {
        for (Function f : userFunctions()) {
            if (f instanceof RichFunction rich) {
                rich.setRuntimeContext(runtimeContext);
                rich.open(new OpenContext() {});
            }
        }
    }

    default void close() throws Exception {
        for (Function f : userFunctions()) {
            if (f instanceof RichFunction rich) {
                rich.close();
            }
        }
    }

    /** What a fired window's evaluation may use. */
    interface InternalWindowContext {
        long currentProcessingTime();

        long currentWatermark();

        KeyedStateStore windowState();

        KeyedStateStore globalState();

        <X> void output(OutputTag<X> outputTag, X value);
    }
}
