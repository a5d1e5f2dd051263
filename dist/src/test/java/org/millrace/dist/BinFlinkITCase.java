package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bin/flink} script as a separate process, on the class path that this
 * module collects into {@code target/lib}, with the example JARs and the shipped {@code conf/}.
 */
@Timeout(300)
class BinFlinkITCase {

    private static final Path HOME = Paths.get(System.getProperty("millrace.home", "..")).toAbsolutePath().normalize();
    private static final Path LIB = Paths.get(System.getProperty("millrace.lib.dir", "target/lib")).toAbsolutePath();
    private static final Path EXAMPLES = Paths.get(System.getProperty("millrace.examples.dir", "../examples/target"))
            .toAbsolutePath().normalize();
    private static final Pattern SUBMITTED = Pattern.compile("(?m)^Job has been submitted with JobID ([0-9a-f]{32})$");
    private static final Pattern RESULT_LINE = Pattern.compile("\\(([a-z0-9]+),(\\d+)\\)");

    @TempDir
    Path tmp;

    /** Exit code and output of one bin/flink run. */
    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Run flink(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MILLRACE_LIB_DIR", LIB.toString());
        builder.environment().put("FLINK_LOG_DIR", tmp.resolve("log").toString());
        builder.environment().remove("FLINK_CONF_DIR");
        builder.environment().remove("MILLRACE_CONF_DIR");
        builder.environment().remove("FLINK_ENV_JAVA_OPTS");
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "bin/flink did not finish: " + command);
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run flink(String... args) throws Exception {
        return flink(HOME.resolve("bin/flink"), args);
    }

    private static String wordCountJar() {
        return EXAMPLES.resolve("WordCount.jar").toString();
    }

    private Path inputFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("Line " + (i % 7) + ": the Quick brown_fox, the lazy DOG -- x" + (i % 13) + " naïve");
        }
        Path input = tmp.resolve("input.txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        return input;
    }

    /** Word counts computed without Millrace's tokenizer. */
    private static Map<String, Integer> expectedCounts(Path input) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static Map<String, Integer> readCounts(List<Path> files) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = RESULT_LINE.matcher(line);
                assertTrue(m.matches(), "unexpected line '" + line + "' in " + file);
                assertEquals(null, counts.put(m.group(1), Integer.parseInt(m.group(2))), "twice: " + m.group(1));
            }
        }
        return counts;
    }

    private static void assertJobLines(Run run) {
        Matcher submitted = SUBMITTED.matcher(run.out());
        assertTrue(submitted.find(), run.toString());
        String jobId = submitted.group(1);
        assertTrue(Pattern.compile("(?m)^Job with JobID " + jobId + " has finished\\.\nJob Runtime: \\d+ ms$")
                .matcher(run.out()).find(), run.toString());
    }

    @Test
    void wordCountRunsAndWritesExactCounts() throws Exception {
        Path input = inputFile();
        Path output = tmp.resolve("counts.txt");

        Run run = flink("run", wordCountJar(), "--input", input.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertJobLines(run);
        assertTrue(Files.isRegularFile(output), run.toString());
        assertEquals(expectedCounts(input), readCounts(List.of(output)));
        assertTrue(Files.isRegularFile(tmp.resolve("log").resolve(logFileName())), "client log file missing");
    }

    private static String logFileName() throws Exception {
        String user = System.getenv().getOrDefault("USER", "");
        if (user.isEmpty()) {
            user = new String(new ProcessBuilder("id", "-un").start().getInputStream().readAllBytes()).trim();
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isEmpty()) {
            host = new String(new ProcessBuilder("hostname").start().getInputStream().readAllBytes()).trim();
        }
        return "flink-" + user + "-client-" + host + ".log";
    }

    @Test
    void parallelismFourWritesFourFilesWithTheSameCounts() throws Exception {
        Path input = inputFile();
        Path output = tmp.resolve("counts");

        Run run = flink("run", "-p", "4", wordCountJar(), "--input", input.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertJobLines(run);
        List<Path> files;
        try (Stream<Path> list = Files.list(output)) {
            files = list.sorted().toList();
        }
        assertEquals(List.of("1", "2", "3", "4"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(expectedCounts(input), readCounts(files));
    }

    @Test
    void malformedDynamicPropertyExitsOneNamingTheKey() throws Exception {
        Run run = flink("run", "-D", "parallelism.default=abc", wordCountJar());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'parallelism.default'"), run.toString());
        assertTrue(run.err().contains("'abc'"), run.toString());
        assertTrue(run.out().isEmpty(), run.toString());
    }

    @Test
    void failingJobExitsOneWithTheOperatorNameAndMessage() throws Exception {
        Path jar = packageFailingProgram();

        Run run = flink("run", jar.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("\n------------------------------------------------------------\n"
                + " The program finished with the following exception:\n\n"), run.toString());
        assertTrue(run.err().contains(FailingProgram.OPERATOR_NAME), run.toString());
        assertTrue(run.err().contains("java.lang.NumberFormatException: " + FailingProgram.MESSAGE), run.toString());
        assertTrue(SUBMITTED.matcher(run.out()).find(), run.toString());
    }

    /** A JAR with FailingProgram's class files (and its nested classes) and a Main-Class manifest. */
    private Path packageFailingProgram() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FailingProgram.class.getName());
        String packagePath = FailingProgram.class.getPackageName().replace('.', '/');
        Path jar = tmp.resolve("failing-program.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(FailingProgram.class, FailingProgram.ExplodingParser.class,
                    FailingProgram.DiscardingSink.class)) {
                String entry = packagePath + "/" + type.getName().substring(type.getPackageName().length() + 1) + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void helpExitsZeroAndListsRun() throws Exception {
        Run run = flink("--help");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Action \"run\" compiles and runs a program."), run.toString());
    }

    @Test
    void unknownActionExitsOne() throws Exception {
        Run run = flink("launch");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("\"launch\" is not a valid action."), run.toString());
    }

    @Test
    void scriptWithoutBuiltJarsSaysHowToBuildThem() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("fresh-checkout/bin"));
        Path script = Files.copy(HOME.resolve("bin/flink"), bin.resolve("flink"));
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--help").redirectErrorStream(true);
        builder.environment().remove("MILLRACE_LIB_DIR");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("run 'mvn -DskipTests package' first"), output);
    }
}
