package org.millrace.streaming.api.functions.windowing;

import java.io.Serializable;
import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/** The older form of {@link ProcessWindowFunction}: key, window and elements, without a context. */
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function, Serializable {

    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
