package org.millrace.dist;

import org.millrace.api.common.functions.MapFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

/**
 * A user program whose map function throws on one record. {@link BinFlinkITCase} packages its
 * class files into a JAR and runs it with {@code bin/flink}, so they are loaded from that JAR only.
 */
public final class FailingProgram {

    static final String OPERATOR_NAME = "Parse Sensor Reading";
    static final String MESSAGE = "reading 4242 is not a number";

    private FailingProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 10_000)
                .map(new ExplodingParser()).name(OPERATOR_NAME)
                .addSink(new DiscardingSink());
        env.execute("failing program");
    }

    /** Throws on record 4242. */
    static final class ExplodingParser implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 4242) {
                throw new NumberFormatException(MESSAGE);
            }
            return value;
        }
    }

    /** Drops every record. */
    static final class DiscardingSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
    }
}
