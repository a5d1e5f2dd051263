package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestPortRangeTest {

    @Test
    void singlePortRangeAndListAreTriedInOrder() {
        assertEquals(List.of(8081), PortRange.parse("8081").ports());
        assertEquals(List.of(0), PortRange.parse("0").ports());
        assertEquals(List.of(50100, 50101, 50102), PortRange.parse("50100-50102").ports());
        assertEquals(List.of(9000, 50100, 50101), PortRange.parse("9000, 50100-50101").ports());
    }

    @Test
    void malformedPortsAreRejectedNamingThePart() {
        assertEquals("Invalid port 'x' in '80-x': expected a number in [0, 65535]",
                assertThrows(IllegalArgumentException.class, () -> PortRange.parse("80-x")).getMessage());
        assertEquals("Invalid port '70000' in '70000': expected a number in [0, 65535]",
                assertThrows(IllegalArgumentException.class, () -> PortRange.parse("70000")).getMessage());
        assertEquals("Invalid port range '90-80' in '90-80': the end is below the start",
                assertThrows(IllegalArgumentException.class, () -> PortRange.parse("90-80")).getMessage());
    }
}
