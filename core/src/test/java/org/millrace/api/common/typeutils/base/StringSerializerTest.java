package org.millrace.api.common.typeutils.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeutils.SerializerTestUtils;

class StringSerializerTest {

    private final StringSerializer serializer = StringSerializer.INSTANCE;

    @Test
    void asciiStringIsWrittenAsHeaderAndOneBytePerChar() throws Exception {
        assertArrayEquals(new byte[] {5, 'h', 'i'}, SerializerTestUtils.serialize(serializer, "hi"));
        assertEquals("hi", SerializerTestUtils.roundTrip(serializer, "hi"));
    }

    @Test
    void nullIsASingleZeroByte() throws Exception {
        assertArrayEquals(new byte[] {0}, SerializerTestUtils.serialize(serializer, null));
        assertNull(SerializerTestUtils.roundTrip(serializer, null));
    }

    @Test
    void emptyStringRoundTripsAndDiffersFromNull() throws Exception {
        assertArrayEquals(new byte[] {1}, SerializerTestUtils.serialize(serializer, ""));
        assertEquals("", SerializerTestUtils.roundTrip(serializer, ""));
    }

    @Test
    void latin1StringUsesOneBytePerChar() throws Exception {
        String value = "café ñ ÿ";
        assertEquals(1 + value.length(), SerializerTestUtils.serialize(serializer, value).length);
        assertEquals(value, SerializerTestUtils.roundTrip(serializer, value));
    }

    @Test
    void stringSerializerRoundTripsNonAscii() {
        for (String value : new String[] {"日本語のテキスト", "Grüße, Ελλάδα, Россия", "mixed ascii and 中文"}) {
            assertEquals(value, SerializerTestUtils.roundTrip(serializer, value));
        }
    }

    @Test
    void surrogatePairsAndLoneSurrogatesRoundTrip() {
        String emoji = "smile \uD83D\uDE00 and \uD83C\uDF89";
        assertEquals(emoji, SerializerTestUtils.roundTrip(serializer, emoji));
        String lone = "broken \uD800 pair \uDC00";
        assertEquals(lone, SerializerTestUtils.roundTrip(serializer, lone));
    }

    @Test
    void longStringsWithMultiByteLengthHeadersRoundTrip() {
        String latin1 = "x".repeat(100_000);
        String wide = "\u4e2d".repeat(70_000);
        assertEquals(latin1, SerializerTestUtils.roundTrip(serializer, latin1));
        assertEquals(wide, SerializerTestUtils.roundTrip(serializer, wide));
    }
}
