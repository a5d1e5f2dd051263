package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link CliFrontend} in-process against programs from {@link CliTestPrograms} on the embedded cluster. */
@Timeout(120)
class CliFrontendITCase {

    private static final String SEPARATOR = "------------------------------------------------------------";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private Map<String, String> environment = Map.of();

    @BeforeEach
    void resetPrograms() {
        CliTestPrograms.reset();
    }

    private int flink(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new CliFrontend(out, err, environment).run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String jarOf(Class<?> mainClass) throws IOException {
        return CliTestPrograms.manifestOnlyJar(dir.resolve(mainClass.getSimpleName() + ".jar"),
                Map.of("Main-Class", mainClass.getName())).toString();
    }

    @Test
    void runPrintsJobIdRuntimeAndAccumulatorsAndExitsZero() throws Exception {
        int exit = flink("run", jarOf(CliTestPrograms.AccumulatingJob.class));

        assertEquals(0, exit, err());
        Matcher m = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})\n"
                + "Program execution finished\n"
                + "Job with JobID ([0-9a-f]{32}) has finished.\n"
                + "Job Runtime: \\d+ ms\n"
                + "Accumulator Results: \n"
                + "- records \\(java.lang.Integer\\): 100\n"
                + "- sum \\(java.lang.Long\\): 5050\n").matcher(out());
        assertTrue(m.matches(), out());
        assertEquals(m.group(1), m.group(2));
        assertEquals("", err());
    }

    @Test
    void programRunsWithItsJarClassLoaderAsContextLoader() throws Exception {
        assertEquals(0, flink("run", jarOf(CliTestPrograms.AccumulatingJob.class)), err());
        assertTrue(CliTestPrograms.lastContextClassLoader instanceof java.net.URLClassLoader);
        assertEquals(getClass().getClassLoader(), CliTestPrograms.lastContextClassLoader.getParent());
    }

    @Test
    void parallelismComesFromConfFileThenDynamicPropertyThenParallelismOption() throws Exception {
        Files.writeString(dir.resolve("flink-conf.yaml"), "parallelism.default: 2\n");
        environment = Map.of("FLINK_CONF_DIR", dir.toString());
        String jar = jarOf(CliTestPrograms.AccumulatingJob.class);

        assertEquals(0, flink("run", jar), err());
        assertEquals(2, CliTestPrograms.lastParallelism);
        assertEquals(0, flink("run", "-D", "parallelism.default=3", jar), err());
        assertEquals(3, CliTestPrograms.lastParallelism);
        assertEquals(0, flink("run", "-D", "parallelism.default=3", "-p", "4", jar), err());
        assertEquals(4, CliTestPrograms.lastParallelism);
    }

    @Test
    void withoutConfigurationTheParallelismIsOne() throws Exception {
        assertEquals(0, flink("run", jarOf(CliTestPrograms.AccumulatingJob.class)), err());
        assertEquals(1, CliTestPrograms.lastParallelism);
    }

    @Test
    void malformedDynamicPropertyExitsOneBeforeTheProgramRuns() throws Exception {
        int exit = flink("run", "-D", "parallelism.default=abc", jarOf(CliTestPrograms.AccumulatingJob.class));

        assertEquals(1, exit);
        assertEquals("The configuration is invalid: Invalid value 'abc' for configuration key 'parallelism.default':"
                + " expected an integer (e.g. 4)\n", err());
        assertFalse(CliTestPrograms.mainCalled);
        assertEquals("", out());
    }

    @Test
    void failingJobExitsOneWithTheOperatorNameAndTheExceptionChain() throws Exception {
        int exit = flink("run", jarOf(CliTestPrograms.FailingJob.class));

        assertEquals(1, exit);
        String err = err();
        assertTrue(err.startsWith("\n" + SEPARATOR + "\n The program finished with the following exception:\n\n"
                + ProgramInvocationException.class.getName() + ": The main method caused an error: "), err);
        assertTrue(err.contains("Fragile Mapper"), err);
        assertTrue(err.contains("Caused by: java.lang.IllegalStateException: cannot handle record 7"), err);
        assertTrue(err.contains("\tat " + CliTestPrograms.FailingOnSeven.class.getName() + ".map("), err);
        assertTrue(out().startsWith("Job has been submitted with JobID "), out());
        assertFalse(out().contains("has finished"), out());
    }

    @Test
    void programWithoutExecuteFails() throws Exception {
        assertEquals(1, flink("run", jarOf(CliTestPrograms.NoJob.class)));
        assertTrue(CliTestPrograms.mainCalled);
        assertTrue(err().contains("The program didn't contain a job"), err());
    }

    @Test
    void missingJarFileExitsOneNamingIt() {
        Path missing = dir.resolve("missing.jar");
        assertEquals(1, flink("run", missing.toString()));
        assertTrue(err().contains("JAR file does not exist: " + missing), err());
    }

    @Test
    void detachedModeWarnsAndRunsAttached() throws Exception {
        assertEquals(0, flink("run", "-d", jarOf(CliTestPrograms.AccumulatingJob.class)), err());
        assertTrue(err().startsWith("Warning: Detached mode (-d) needs a cluster target"), err());
        assertTrue(out().contains(" has finished.\n"), out());
    }

    @Test
    void entryClassOptionOverridesTheManifest() throws Exception {
        String jar = jarOf(CliTestPrograms.NoJob.class);
        assertEquals(0, flink("run", "-c", CliTestPrograms.AccumulatingJob.class.getName(), jar), err());
        assertTrue(out().contains("- sum (java.lang.Long): 5050\n"), out());
    }

    @Test
    void helpListsTheRunActionAndExitsZero() {
        assertEquals(0, flink("--help"));
        assertTrue(out().contains("Action \"run\" compiles and runs a program."), out());
        assertTrue(out().contains("-p,--parallelism <parallelism>"), out());
        assertEquals(0, flink("-h"));
    }

    @Test
    void runHelpExitsZero() {
        assertEquals(0, flink("run", "--help"));
        assertTrue(out().startsWith("./flink run [OPTIONS] <jar-file> <arguments>\n"), out());
        assertEquals("", err());
    }

    @Test
    void noActionUnknownActionAndBadOptionsExitOneWithTheHint() {
        assertEquals(1, flink());
        assertEquals("Please specify an action.\n\n" + CliUsage.HINT + "\n", err());
        errBytes.reset();
        assertEquals(1, flink("launch", "x.jar"));
        assertEquals("\"launch\" is not a valid action. Valid actions are \"run\", \"run-application\", \"info\", \"list\","
                + " \"cancel\", \"stop\" and \"savepoint\".\n\n" + CliUsage.HINT + "\n", err());
        errBytes.reset();
        assertEquals(1, flink("run", "--bogus", "x.jar"));
        assertEquals("Unrecognized option: --bogus\n\n" + CliUsage.HINT + "\n", err());
        errBytes.reset();
        assertEquals(1, flink("savepoint"));
        assertTrue(err().startsWith("Missing JobID"), err());
    }

    @Test
    void infoPrintsTheExecutionPlanAsJsonWithoutRunningTheJob() throws Exception {
        int exit = flink("info", "-p", "3", jarOf(CliTestPrograms.AccumulatingJob.class));

        assertEquals(0, exit, err());
        Matcher m = Pattern.compile("----------------------- Execution Plan -----------------------\n(\\{.*})\n"
                + "--------------------------------------------------------------\n").matcher(out());
        assertTrue(m.matches(), out());
        JsonNode plan = new ObjectMapper().readTree(m.group(1));
        assertEquals("accumulating job", plan.path("name").asText());
        assertEquals("STREAMING", plan.path("type").asText());
        JsonNode nodes = plan.path("nodes");
        assertTrue(nodes.size() >= 1, plan.toString());
        for (JsonNode node : nodes) {
            assertEquals(3, node.path("parallelism").asInt(), plan.toString());
            assertTrue(node.path("id").asText().matches("[0-9a-f]{32}"), plan.toString());
        }
        assertTrue(CliTestPrograms.mainCalled);
        assertFalse(out().contains("Job has been submitted"), out());
    }

    @Test
    void infoOfAProgramWithoutJobExitsOneSayingSo() throws Exception {
        assertEquals(1, flink("info", jarOf(CliTestPrograms.NoJob.class)));
        assertTrue(err().contains("without calling execute()"), err());
    }
}
