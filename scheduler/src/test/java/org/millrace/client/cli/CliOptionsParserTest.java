package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsParserTest {

    private static RunOptions parse(String... args) throws CliArgumentsException {
        return CliOptionsParser.parseRunOptions(List.of(args));
    }

    @Test
    void shortOptionsAreParsedAndArgumentsAfterTheJarGoToTheProgram() throws Exception {
        RunOptions options = parse("-c", "com.acme.Job", "-p", "4", "-d", "-D", "a.b=1", "job.jar",
                "--input", "in.txt", "-p", "7");
        assertEquals("job.jar", options.jarFile());
        assertEquals("com.acme.Job", options.entryClass());
        assertEquals(4, options.parallelism());
        assertTrue(options.detached());
        assertEquals(Map.of("a.b", "1"), options.dynamicProperties());
        assertEquals(List.of("--input", "in.txt", "-p", "7"), options.programArgs());
        assertFalse(options.help());
    }

    @Test
    void longOptionsWithSpaceOrEqualsSignAreParsed() throws Exception {
        RunOptions options = parse("--class=com.acme.Job", "--parallelism", "2", "--detached", "job.jar");
        assertEquals("com.acme.Job", options.entryClass());
        assertEquals(2, options.parallelism());
        assertTrue(options.detached());
        assertEquals(List.of(), options.programArgs());
    }

    @Test
    void dynamicPropertiesAcceptAttachedFormAndLastValueWins() throws Exception {
        RunOptions options = parse("-Dparallelism.default=3", "-D", "x=a=b", "-D", "parallelism.default=5", "job.jar");
        assertEquals(Map.of("parallelism.default", "5", "x", "a=b"), options.dynamicProperties());
    }

    @Test
    void withoutOptionsTheDefaultsAreEmpty() throws Exception {
        RunOptions options = parse("job.jar");
        assertNull(options.entryClass());
        assertNull(options.parallelism());
        assertFalse(options.detached());
        assertEquals(Map.of(), options.dynamicProperties());
    }

    @Test
    void doubleDashEndsTheOptionsSoAJarNameMayStartWithADash() throws Exception {
        assertEquals("-odd.jar", parse("--", "-odd.jar").jarFile());
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertTrue(parse("-p", "2", "--help").help());
        assertTrue(parse("-h").help());
    }

    @Test
    void missingJarIsAUsageError() {
        CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-p", "2"));
        assertTrue(e.getMessage().startsWith("Missing JAR file"), e.getMessage());
    }

    @Test
    void unknownOptionIsNamedInTheError() {
        CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-x", "job.jar"));
        assertEquals("Unrecognized option: -x", e.getMessage());
    }

    @Test
    void nonPositiveOrNonNumericParallelismIsRejected() {
        CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-p", "abc", "job.jar"));
        assertEquals("The parallelism (-p) must be a positive integer, was 'abc'", e.getMessage());
        assertThrows(CliArgumentsException.class, () -> parse("-p", "0", "job.jar"));
    }

    @Test
    void optionWithoutItsValueIsRejected() {
        CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-c"));
        assertEquals("Missing value for option -c", e.getMessage());
    }

    @Test
    void dynamicPropertyWithoutEqualsSignIsRejected() {
        CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-D", "novalue", "job.jar"));
        assertEquals("Dynamic property 'novalue' must have the form -D <key>=<value>", e.getMessage());
    }

    @Test
    void jobManagerAddressMeansTheRemoteTargetAtThatRestAddress() throws Exception {
        RunOptions options = parse("-m", "jm.example.com:8082", "-p", "3", "-d", "-D", "rest.port=1", "job.jar");
        assertEquals(new ClusterTarget("jm.example.com:8082", null), options.target());
        assertEquals(Map.of("rest.port", "8082", "execution.target", "remote", "rest.address", "jm.example.com",
                "parallelism.default", "3", "execution.attached", "false"), options.configurationSettings());
    }

    @Test
    void targetOptionWinsOverTheTargetTheAddressImplies() throws Exception {
        RunOptions options = parse("--jobmanager=[::1]:8081", "--target", "local", "job.jar");
        assertEquals(Map.of("execution.target", "local", "rest.address", "::1", "rest.port", "8081"),
                options.configurationSettings());
        assertEquals(Map.of("execution.target", "yarn-per-job"), parse("-m", "yarn-cluster", "job.jar").configurationSettings());
    }

    @Test
    void jobManagerAddressWithoutAValidPortIsRejected() {
        for (String address : new String[] {"localhost", "localhost:", ":8081", "host:http", "host:70000"}) {
            CliArgumentsException e = assertThrows(CliArgumentsException.class, () -> parse("-m", address, "job.jar"));
            assertEquals("The JobManager address (-m) must have the form <host>:<port>, was '" + address + "'",
                    e.getMessage());
        }
    }

    @Test
    void listFlagsChooseTheGroupsAndNoFlagMeansRunningAndScheduled() throws Exception {
        ListOptions none = CliOptionsParser.parseListOptions(List.of());
        assertTrue(none.showRunning() && none.showScheduled());
        assertFalse(none.showTerminated());
        ListOptions running = CliOptionsParser.parseListOptions(List.of("-r", "-m", "h:1"));
        assertTrue(running.showRunning());
        assertFalse(running.showScheduled());
        assertEquals(Map.of("execution.target", "remote", "rest.address", "h", "rest.port", "1"),
                running.configurationSettings());
        ListOptions all = CliOptionsParser.parseListOptions(List.of("--all"));
        assertTrue(all.showRunning() && all.showScheduled() && all.showTerminated());
        assertTrue(CliOptionsParser.parseListOptions(List.of("-s")).showScheduled());
        assertFalse(CliOptionsParser.parseListOptions(List.of("-s")).showRunning());
    }

    @Test
    void listRejectsRunOptionsAndArguments() {
        assertEquals("Unrecognized option: -p", assertThrows(CliArgumentsException.class,
                () -> CliOptionsParser.parseListOptions(List.of("-p", "2"))).getMessage());
        assertEquals("Unexpected argument for action \"list\": extra", assertThrows(CliArgumentsException.class,
                () -> CliOptionsParser.parseListOptions(List.of("-a", "extra"))).getMessage());
    }

    @Test
    void cancelTakesOneJobIdAfterItsOptions() throws Exception {
        CancelOptions options = CliOptionsParser.parseCancelOptions(
                List.of("-m", "h:9", "0123456789ABCDEF0123456789abcdef"));
        assertEquals("0123456789abcdef0123456789abcdef", options.jobId().toString());
        assertEquals(new ClusterTarget("h:9", null), options.target());
        assertTrue(CliOptionsParser.parseCancelOptions(List.of("--help")).help());
    }

    @Test
    void cancelWithoutOrWithABadJobIdIsAUsageError() {
        assertEquals("Missing JobID: give the id of the job to cancel (see 'flink list').",
                assertThrows(CliArgumentsException.class, () -> CliOptionsParser.parseCancelOptions(List.of()))
                        .getMessage());
        assertEquals("Not a job id (expected 32 hex digits): 'abc'", assertThrows(CliArgumentsException.class,
                () -> CliOptionsParser.parseCancelOptions(List.of("abc"))).getMessage());
        assertEquals("Unexpected argument for action \"cancel\": more", assertThrows(CliArgumentsException.class,
                () -> CliOptionsParser.parseCancelOptions(List.of("0123456789abcdef0123456789abcdef", "more")))
                .getMessage());
    }

    @Test
    void flinksOldYarnOptionsBecomeTheirConfigurationKeys() throws Exception {
        RunOptions options = parse("-m", "yarn-cluster", "-yjm", "1024", "-ytm", "2g", "-ys", "3", "-yqu", "prod",
                "-ynm", "nightly report", "-yid", "application_1_0002", "-yt", "/etc/lookup.csv", "-yD", "a=1",
                "-yDb=2", "-yd", "job.jar", "-ys", "9");

        assertEquals(Map.of("jobmanager.memory.process.size", "1024m", "taskmanager.memory.process.size", "2g",
                "taskmanager.numberOfTaskSlots", "3", "yarn.application.queue", "prod",
                "yarn.application.name", "nightly report", "yarn.application.id", "application_1_0002",
                "yarn.ship-files", "/etc/lookup.csv", "a", "1", "b", "2"), options.dynamicProperties());
        assertTrue(options.detached());
        assertEquals(List.of("-ys", "9"), options.programArgs(), "options after the JAR belong to the program");
    }

    @Test
    void oldYarnOptionWithoutValueIsAUsageError() {
        CliArgumentsException e = org.junit.jupiter.api.Assertions.assertThrows(CliArgumentsException.class,
                () -> parse("-m", "yarn-cluster", "-ytm"));
        assertEquals("Missing value for option -ytm", e.getMessage());
    }
}
