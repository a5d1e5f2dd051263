package org.millrace.client.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

/**
 * Small user programs for the CLI tests, and a way to package them: the JARs hold only a manifest,
 * the classes come from the test class path (the program class loader delegates to its parent first).
 */
public final class CliTestPrograms {

    /** What the last program run saw; tests run one program at a time. */
    static volatile int lastParallelism;
    static volatile ClassLoader lastContextClassLoader;
    static volatile boolean mainCalled;

    private CliTestPrograms() {}

    static void reset() {
        lastParallelism = -1;
        lastContextClassLoader = null;
        mainCalled = false;
    }

    /** Writes a JAR whose manifest has the given main attributes (e.g. Main-Class). */
    static Path manifestOnlyJar(Path jar, Map<String, String> mainAttributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mainAttributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }

    /** Sums 1..100 into the accumulator "sum" and counts records into "records". */
    public static final class AccumulatingJob {
        public static void main(String[] args) throws Exception {
            mainCalled = true;
            lastContextClassLoader = Thread.currentThread().getContextClassLoader();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            lastParallelism = env.getParallelism();
            env.fromSequence(1, 100).map(new Summing()).addSink(new Discarding());
            env.execute("accumulating job");
        }
    }

    /** A job whose map function fails on record 7. */
    public static final class FailingJob {
        public static void main(String[] args) throws Exception {
            mainCalled = true;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, 100).map(new FailingOnSeven()).name("Fragile Mapper").addSink(new Discarding());
            env.execute("failing job");
        }
    }

    /** Never calls execute(). */
    public static final class NoJob {
        public static void main(String[] args) {
            mainCalled = true;
        }
    }

    static final class Summing extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            getRuntimeContext().getLongCounter("sum").add(value.longValue());
            getRuntimeContext().getIntCounter("records").add(1);
            return value;
        }
    }

    static final class FailingOnSeven implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 7) {
                throw new IllegalStateException("cannot handle record 7");
            }
            return value;
        }
    }

    static final class Discarding implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
    }
}
