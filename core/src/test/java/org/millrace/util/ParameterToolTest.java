package org.millrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterToolTest {

    @Test
    void repeatedKeysKeepAllValuesAndGetReturnsTheLast() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--input", "a.txt", "--input", "dir", "--output", "out"});
        assertEquals(List.of("a.txt", "dir"), List.copyOf(p.getMultiParameter("input")));
        assertEquals("dir", p.get("input"));
        assertEquals("out", p.get("output"));
    }

    @Test
    void flagsAndNegativeNumbersAreUnderstood() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--verbose", "-offset", "-5", "--records", "1_000"});
        assertTrue(p.has("verbose"));
        assertNull(p.get("verbose"));
        assertEquals(-5, p.getInt("offset", 0));
        assertEquals(1000L, p.getLong("records", 0));
        assertEquals(7, p.getInt("missing", 7));
        assertFalse(p.has("missing"));
        assertEquals("localhost", p.get("hostname", "localhost"));
    }

    @Test
    void valueWithoutKeyAndNonNumericNumberAreRejectedWithTheOffendingText() {
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class,
                () -> ParameterTool.fromArgs(new String[] {"input.txt"}));
        assertEquals("Expected an option like --input, got 'input.txt'", stray.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> ParameterTool.fromArgs(new String[] {"--port", "http"}).getInt("port", 0));
        assertEquals("--port expects a whole number, got 'http'", notNumber.getMessage());
    }

    @Test
    void requiredOptionsNameTheMissingKeyAndBooleansAcceptFlags() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--dry-run", "--strict", "false", "--n", "3"});
        assertEquals(3, p.getInt("n"));
        assertTrue(p.getBoolean("dry-run", false));
        assertFalse(p.getBoolean("strict", true));
        assertEquals("No value for the required option --output",
                assertThrows(IllegalArgumentException.class, () -> p.getRequired("output")).getMessage());
        assertEquals(java.util.Map.of("dry-run", "", "strict", "false", "n", "3"), p.toMap());
    }
}
