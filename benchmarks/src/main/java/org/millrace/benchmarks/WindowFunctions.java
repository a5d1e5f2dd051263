package org.millrace.benchmarks;

import org.millrace.api.common.eventtime.SerializableTimestampAssigner;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.windowing.windows.TimeWindow;
import org.millrace.util.Collector;

/** The functions of the W3/W5 window job over {@code (key, value, timestamp)} events, as in the Flink job. */
final class WindowFunctions {

    private WindowFunctions() {}

    /** An event's timestamp field. */
    static final class EventTime implements SerializableTimestampAssigner<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(Tuple3<Long, Long, Long> event, long previous) {
            return event.f2;
        }
    }

    /** An event's key field. */
    static final class EventKey implements KeySelector<Tuple3<Long, Long, Long>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Tuple3<Long, Long, Long> event) {
            return event.f0;
        }
    }

    /** Sums the events' values within a window. */
    static final class ValueSum implements AggregateFunction<Tuple3<Long, Long, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple3<Long, Long, Long> event, Long sum) {
            return sum + event.f1;
        }

        @Override
        public Long getResult(Long sum) {
            return sum;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Turns a fired (key, window, sum) into its share of the checksum. */
    static final class ChecksumTerm extends ProcessWindowFunction<Long, Long, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context context, Iterable<Long> sums, Collector<Long> out) {
            long windowStart = context.window().getStart();
            for (Long sum : sums) {
                out.collect(Workloads.windowChecksumTerm(key, windowStart, sum));
            }
        }
    }
}
