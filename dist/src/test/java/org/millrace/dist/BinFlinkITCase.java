package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.millrace.testing.TestJars;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bin/flink} script as a separate process, on the class path that this
 * module collects into {@code target/lib}, with the example JARs and the shipped {@code conf/}.
 */
@Timeout(300)
class BinFlinkITCase {

    private static final Pattern SUBMITTED = Pattern.compile("(?m)^Job has been submitted with JobID ([0-9a-f]{32})$");

    @TempDir
    Path tmp;

    /** Exit code and output of one bin/flink run. */
    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Run flink(String... args) throws Exception {
        ProcessBuilder builder = BinScripts.script("flink", tmp, null, args);
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "bin/flink did not finish: " + builder.command());
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String wordCountJar() {
        return BinScripts.exampleJar("WordCount");
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
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts.txt");

        Run run = flink("run", wordCountJar(), "--input", input.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertJobLines(run);
        assertTrue(Files.isRegularFile(output), run.toString());
        assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(List.of(output)));
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
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");

        Run run = flink("run", "-p", "4", wordCountJar(), "--input", input.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertJobLines(run);
        List<Path> files = WordCountFiles.outputFiles(output);
        assertEquals(List.of("1", "2", "3", "4"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(files));
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
        Path jar = TestJars.programJar(tmp.resolve("failing-program.jar"), FailingProgram.class);

        Run run = flink("run", jar.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("\n------------------------------------------------------------\n"
                + " The program finished with the following exception:\n\n"), run.toString());
        assertTrue(run.err().contains(FailingProgram.OPERATOR_NAME), run.toString());
        assertTrue(run.err().contains("java.lang.NumberFormatException: " + FailingProgram.MESSAGE), run.toString());
        assertTrue(SUBMITTED.matcher(run.out()).find(), run.toString());
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
        Files.copy(BinScripts.HOME.resolve("bin/config.sh"), bin.resolve("config.sh"));
        Path script = Files.copy(BinScripts.HOME.resolve("bin/flink"), bin.resolve("flink"));
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
