package org.millrace.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.Collector;

/**
 * Keeps the code sample in README.md compiling and true: the sample is the block between the
 * README markers below, this test runs it, and checks README.md shows exactly these lines.
 */
@Timeout(60)
class ReadmeExampleTest {

    static void readmeSample() throws Exception {
        // README-BEGIN
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromElements("to be or not to be", "that is the question")
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .keyBy(pair -> pair.f0)
                .sum(1)
                .print()
                .setParallelism(1);
        env.execute("README word count");
        // README-END
    }

    @Test
    void readmeSamplePrintsOneCountPerWord() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            readmeSample();
        } finally {
            System.setOut(original);
        }
        List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).sorted().toList();
        assertEquals(List.of("(be,2)", "(is,1)", "(not,1)", "(or,1)", "(question,1)", "(that,1)", "(the,1)", "(to,2)"), lines);
    }

    @Test
    void readmeShowsTheSampleVerbatim() throws Exception {
        Path root = repositoryRoot();
        String source = Files.readString(root.resolve("scheduler/src/test/java/org/millrace/docs/ReadmeExampleTest.java"));
        String sample = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
                source.indexOf("        // README-END"));
        String unindented = sample.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains(unindented), "README.md must contain the sample of ReadmeExampleTest verbatim:\n" + unindented);
    }

    private static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("README.md not found above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}
