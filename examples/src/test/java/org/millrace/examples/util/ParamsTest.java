package org.millrace.examples.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void repeatedKeysKeepAllValuesAndGetReturnsTheLast() {
        Params p = Params.fromArgs(new String[] {"--input", "a.txt", "--input", "dir", "--output", "out"});
        assertEquals(List.of("a.txt", "dir"), p.getAll("input"));
        assertEquals("dir", p.get("input"));
        assertEquals("out", p.get("output"));
    }

    @Test
    void flagsAndNegativeNumbersAreUnderstood() {
        Params p = Params.fromArgs(new String[] {"--verbose", "-offset", "-5", "--records", "1_000"});
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
                () -> Params.fromArgs(new String[] {"input.txt"}));
        assertEquals("Expected an option like --input, got 'input.txt'", stray.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> Params.fromArgs(new String[] {"--port", "http"}).getInt("port", 0));
        assertEquals("--port expects a whole number, got 'http'", notNumber.getMessage());
    }
}
