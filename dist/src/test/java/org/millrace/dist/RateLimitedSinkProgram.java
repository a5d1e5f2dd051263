package org.millrace.dist;

import org.millrace.api.common.functions.MapFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.testing.Pacer;
import org.millrace.util.ParameterTool;

/**
 * A streaming job whose sink takes at most {@code --rate} records per second while its source could
 * emit far more: the source (with a map that pads each number to {@code --payload} characters) and
 * the sink are in different slot-sharing groups, so on TaskManagers with one slot each they run in
 * different JVMs and every record crosses the Netty exchange. It never ends by itself.
 * {@link CrossJvmBackpressureITCase} packages it into a JAR.
 */
public final class RateLimitedSinkProgram {

    static final String SOURCE_NAME = "Number Source";
    static final String SINK_NAME = "Rate-limited Sink";

    private RateLimitedSinkProgram() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        int rate = params.getInt("rate", 2000);
        int payload = params.getInt("payload", 100);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, Long.MAX_VALUE / 2).name(SOURCE_NAME)
                .map(new Pad(payload)).name("Pad")
                .rebalance()
                .addSink(new RateLimitedSink(rate)).name(SINK_NAME).slotSharingGroup("sink");
        env.execute("rate-limited sink");
    }

    /** Turns a number into a string of {@code length} characters. */
    static final class Pad implements MapFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private final int length;

        Pad(int length) {
            this.length = length;
        }

        @Override
        public String map(Long value) {
            StringBuilder text = new StringBuilder(length).append(value);
            while (text.length() < length) {
                text.append('.');
            }
            return text.toString();
        }
    }

    /**
     * Accepts one record every {@code 1 / rate} seconds (pacing user code, as a sink writing to a slow
     * external system would be paced).
     */
    static final class RateLimitedSink implements SinkFunction<String> {
        private static final long serialVersionUID = 1L;
        private final Pacer pacer;

        RateLimitedSink(int recordsPerSecond) {
            this.pacer = new Pacer(recordsPerSecond);
        }

        @Override
        public void invoke(String value) {
            pacer.awaitSlot();
        }
    }
}
