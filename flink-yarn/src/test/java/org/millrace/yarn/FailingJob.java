package org.millrace.yarn;

import java.nio.file.Path;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

/** A user program whose job fails: its map function throws on one record. Packaged into a JAR by the tests. */
public final class FailingJob {

    static final String MESSAGE = "order 77 has no customer";

    private FailingJob() {}

    /** This class and its nested classes as a JAR in {@code dir}, for {@code flink run}. */
    static Path jar(Path dir) throws Exception {
        return MiniYarnEnvironment.jarOf(Path.of(FailingJob.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                dir.resolve("failing-job.jar"), FailingJob.class.getName().replace('.', '/'));
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 1_000).map(new CustomerLookup()).name("Look up customer").addSink(new Discard());
        env.execute("failing YARN job");
    }

    /** Throws on record 77. */
    static final class CustomerLookup implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long order) {
            if (order == 77) {
                throw new IllegalStateException(MESSAGE);
            }
            return order;
        }
    }

    /** Keeps nothing. */
    static final class Discard implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
    }
}
