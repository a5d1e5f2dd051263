package org.millrace.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {

    @ParameterizedTest
    @CsvSource({
        "32kb, 32768",
        "32 KB, 32768",
        "64 mb, 67108864",
        "64m, 67108864",
        "1g, 1073741824",
        "1 gibibytes, 1073741824",
        "2t, 2199023255552",
        "1024, 1024",
        "1024 b, 1024",
        "7 bytes, 7",
        "0, 0"
    })
    void parsesNumberWithOptionalBinaryUnit(String text, long expectedBytes) {
        assertEquals(expectedBytes, MemorySize.parse(text).getBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mb", "-1 mb", "1.5 gb", "12 parsecs", "99999999999 tb"})
    void rejectsTextThatIsNotAWholeSizeWithKnownUnit(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemorySize.parse(text));
        assertEquals("Cannot parse memory size '" + text + "': expected a memory size like '64 mb' or '1 gb'",
                e.getMessage());
    }

    @Test
    void toStringUsesLargestExactUnitAndParsesBack() {
        assertEquals("32 kb", MemorySize.parse("32768").toString());
        assertEquals("64 mb", MemorySize.ofMebiBytes(64).toString());
        assertEquals("1 gb", MemorySize.parse("1024m").toString());
        assertEquals("1025 kb", MemorySize.parse("1025k").toString());
        assertEquals("1000 bytes", new MemorySize(1000).toString());
        assertEquals("0 bytes", MemorySize.ZERO.toString());
        MemorySize odd = new MemorySize(123_456_789);
        assertEquals(odd, MemorySize.parse(odd.toString()));
    }

    @Test
    void exposesWholeUnitsRoundedDown() {
        MemorySize size = MemorySize.parse("1536 kb");
        assertEquals(1_572_864L, size.getBytes());
        assertEquals(1536L, size.getKibiBytes());
        assertEquals(1L, size.getMebiBytes());
    }

    @Test
    void negativeSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MemorySize(-1));
    }
}
