package org.millrace.runtime.minicluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.eventtime.Watermark;
import org.millrace.api.common.eventtime.WatermarkGenerator;
import org.millrace.api.common.eventtime.WatermarkOutput;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.windowing.windows.TimeWindow;
import org.millrace.util.Collector;

/**
 * Test input for event-time jobs whose outcome does not depend on timing: events
 * {@code (key, timestamp, value)} from a one-subtask source, each followed by the watermark
 * {@code max timestamp so far - bound} (a punctuated generator, so no periodic watermark races
 * the records). Which elements are late is then fixed by the order of the input alone.
 */
final class PunctuatedEvents {

    static final TypeInformation<Tuple3<String, Long, Integer>> TYPE = TypeInformation.of(new TypeHint<Tuple3<String, Long, Integer>>() {});

    private PunctuatedEvents() {}

    static Tuple3<String, Long, Integer> e(String key, long timestamp, int value) {
        return Tuple3.of(key, timestamp, value);
    }

    /** The events in the given order, timestamped by field 1, with punctuated watermarks. */
    @SafeVarargs
    static DataStream<Tuple3<String, Long, Integer>> source(StreamExecutionEnvironment env, long bound,
            Tuple3<String, Long, Integer>... events) {
        WatermarkStrategy<Tuple3<String, Long, Integer>> strategy = WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forGenerator(context -> new MaxMinusBound(bound))
                .withTimestampAssigner((event, previous) -> event.f1);
        return env.fromCollection(List.of(events), TYPE).setParallelism(1)
                .assignTimestampsAndWatermarks(strategy).setParallelism(1);
    }

    /** Emits {@code max timestamp - bound} after every event that raises the maximum. */
    static final class MaxMinusBound implements WatermarkGenerator<Tuple3<String, Long, Integer>> {
        private final long bound;
        private long max = Long.MIN_VALUE;

        MaxMinusBound(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Tuple3<String, Long, Integer> event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp > max) {
                max = eventTimestamp;
                output.emitWatermark(new Watermark(max - bound));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Formats a fired window's pre-aggregated sum as {@code key@[start,end)=sum}. */
    static final class FormatWindow extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple3<String, Long, Integer>> sums, Collector<String> out) {
            TimeWindow w = context.window();
            out.collect(key + "@[" + w.getStart() + "," + w.getEnd() + ")=" + sums.iterator().next().f2);
        }
    }

    /** Sums field 2 (the value); the key and timestamp of the first element stay. */
    static Tuple3<String, Long, Integer> sum(Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b) {
        return Tuple3.of(a.f0, a.f1, a.f2 + b.f2);
    }

    /** Outputs of the form {@code key...} grouped by their first character (the key), each key's in arrival order. */
    static Map<String, List<String>> byKey(List<String> lines) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        lines.stream().sorted().map(l -> l.substring(0, 1)).distinct().forEach(k -> result.put(k, new ArrayList<>()));
        for (String line : lines) {
            result.get(line.substring(0, 1)).add(line);
        }
        return result;
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
