package org.millrace.runtime.rest;

import org.millrace.api.common.functions.MapFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

/**
 * User programs for the JAR endpoints' tests; {@link org.millrace.testing.TestJars#jarOf} packages
 * them into real JARs holding their class files (copied from the test class path) and a manifest.
 */
public final class RestTestPrograms {

    private RestTestPrograms() {}

    /** Sequence -> "Doubler" map -> "Discard" sink; the map's parallelism is the first argument, if any. */
    public static final class DoublingProgram {
        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            var doubled = env.fromSequence(1, 100).map(new Doubler()).name("Doubler");
            if (args.length > 0) {
                doubled.setParallelism(Integer.parseInt(args[0]));
            }
            doubled.addSink(new Discard()).name("Discard");
            env.execute(args.length > 1 ? args[1] : "doubling");
            throw new AssertionError("execute() returned in the JobManager");
        }
    }

    /** Catches every Exception around execute() and calls it twice; the first job still counts. */
    public static final class SwallowingProgram {
        public static void main(String[] args) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, 10).map(new Doubler()).name("First").addSink(new Discard());
            try {
                env.execute("first");
            } catch (Exception e) {
                // a careless program
            }
            env.fromSequence(1, 10).map(new Doubler()).name("Second").addSink(new Discard());
            try {
                env.execute("second");
            } catch (Exception e) {
                // still careless
            }
        }
    }

    /** Never calls execute(). */
    public static final class NoJobProgram {
        public static void main(String[] args) {
            StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(1, 10).addSink(new Discard());
        }
    }

    /** Fails before building a job. */
    public static final class FailingProgram {
        public static void main(String[] args) {
            throw new IllegalArgumentException("--input is missing");
        }
    }

    static final class Doubler implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }

    static final class Discard implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
    }
}
