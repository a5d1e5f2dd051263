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
}
