package org.millrace.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "100 ms, 100000000",
        "100ms, 100000000",
        "500, 500000000",
        "10 s, 10000000000",
        "10 SECONDS, 10000000000",
        "1 min, 60000000000",
        "1m, 60000000000",
        "2h, 7200000000000",
        "1 d, 86400000000000",
        "3 us, 3000",
        "3 µs, 3000",
        "7 ns, 7"
    })
    void parsesNumberWithOptionalTimeUnit(String text, long expectedNanos) {
        assertEquals(Duration.ofNanos(expectedNanos), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "-1 s", "1.5 s", "10 fortnights", "99999999999999999999 ms"})
    void rejectsTextThatIsNotAWholeDurationWithKnownUnit(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @Test
    void overflowingDurationIsRejected() {
        assertThrows(ArithmeticException.class, () -> Durations.parse("9223372036854775807 d"));
    }

    @Test
    void formatsInLargestExactUnitAndParsesBack() {
        assertEquals("100 ms", Durations.format(Duration.ofMillis(100)));
        assertEquals("10 s", Durations.format(Duration.ofSeconds(10)));
        assertEquals("1 min", Durations.format(Duration.ofSeconds(60)));
        assertEquals("90 s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("2 h", Durations.format(Duration.ofHours(2)));
        assertEquals("3 d", Durations.format(Duration.ofDays(3)));
        assertEquals("1500 ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("1001 us", Durations.format(Duration.ofNanos(1_001_000)));
        assertEquals("0 ms", Durations.format(Duration.ZERO));
        Duration odd = Duration.ofSeconds(3, 7);
        assertEquals(odd, Durations.parse(Durations.format(odd)));
    }
}
