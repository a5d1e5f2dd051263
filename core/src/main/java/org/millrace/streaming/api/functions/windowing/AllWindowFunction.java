package org.millrace.streaming.api.functions.windowing;

import java.io.Serializable;
import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/** The older form of {@link ProcessAllWindowFunction}: window and elements of a non-keyed stream. */
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function, Serializable {

    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
