package org.millrace.api.common.typeutils.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.BasicArrayTypeInfo;
import org.millrace.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.common.typeutils.TypeSerializer;

class BasicSerializersTest {

    @Test
    void boxedPrimitivesRoundTripIncludingExtremes() {
        assertEquals(Integer.MIN_VALUE, SerializerTestUtils.roundTrip(IntSerializer.INSTANCE, Integer.MIN_VALUE));
        assertEquals(Long.MAX_VALUE, SerializerTestUtils.roundTrip(LongSerializer.INSTANCE, Long.MAX_VALUE));
        assertEquals(-0.0d, SerializerTestUtils.roundTrip(DoubleSerializer.INSTANCE, -0.0d));
        assertEquals(Float.NaN, SerializerTestUtils.roundTrip(FloatSerializer.INSTANCE, Float.NaN));
        assertEquals((short) -7, SerializerTestUtils.roundTrip(ShortSerializer.INSTANCE, (short) -7));
        assertEquals((byte) -128, SerializerTestUtils.roundTrip(ByteSerializer.INSTANCE, (byte) -128));
        assertEquals(true, SerializerTestUtils.roundTrip(BooleanSerializer.INSTANCE, true));
        assertEquals('\u20AC', SerializerTestUtils.roundTrip(CharSerializer.INSTANCE, '\u20AC'));
    }

    @Test
    void intIsWrittenAsFourBigEndianBytes() throws Exception {
        assertArrayEquals(new byte[] {0, 0, 1, 2}, SerializerTestUtils.serialize(IntSerializer.INSTANCE, 258));
        assertEquals(4, IntSerializer.INSTANCE.getLength());
    }

    @Test
    void boxedPrimitiveSerializersRejectNull() {
        assertThrows(NullPointerException.class, () -> SerializerTestUtils.serialize(IntSerializer.INSTANCE, null));
    }

    @Test
    void bigNumbersDatesAndInstantsRoundTripWithNull() {
        BigInteger big = new BigInteger("-123456789012345678901234567890");
        assertEquals(big, SerializerTestUtils.roundTrip(BigIntSerializer.INSTANCE, big));
        BigDecimal dec = new BigDecimal("-12345.678900");
        assertEquals(dec, SerializerTestUtils.roundTrip(BigDecSerializer.INSTANCE, dec));
        assertNull(SerializerTestUtils.roundTrip(BigDecSerializer.INSTANCE, null));
        Date date = new Date(1_700_000_000_123L);
        assertEquals(date, SerializerTestUtils.roundTrip(DateSerializer.INSTANCE, date));
        Instant instant = Instant.ofEpochSecond(1_700_000_000L, 999_999_999);
        assertEquals(instant, SerializerTestUtils.roundTrip(InstantSerializer.INSTANCE, instant));
        assertNull(SerializerTestUtils.roundTrip(InstantSerializer.INSTANCE, null));
    }

    @Test
    void dateCopyIsIndependent() {
        Date date = new Date(5);
        Date copy = DateSerializer.INSTANCE.copy(date);
        date.setTime(6);
        assertEquals(5, copy.getTime());
    }

    @Test
    void primitiveArraysRoundTripIncludingEmptyAndNull() {
        assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE},
                SerializerTestUtils.roundTrip(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer(),
                        new int[] {1, -2, Integer.MAX_VALUE}));
        assertArrayEquals(new byte[] {9, 8, 7},
                SerializerTestUtils.roundTrip(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer(),
                        new byte[] {9, 8, 7}));
        assertArrayEquals(new double[0],
                SerializerTestUtils.roundTrip(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer(),
                        new double[0]));
        assertArrayEquals(new char[] {'a', '\uD83D'},
                SerializerTestUtils.roundTrip(PrimitiveArrayTypeInfo.CHAR_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer(),
                        new char[] {'a', '\uD83D'}));
        assertNull(SerializerTestUtils.roundTrip(PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer(), null));
    }

    @Test
    void primitiveArrayCopyIsIndependent() {
        int[] original = {1, 2};
        int[] copy = PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO.createSerializer().copy(original);
        original[0] = 99;
        assertEquals(1, copy[0]);
    }

    @Test
    void stringArrayRoundTripsWithNullElements() {
        TypeSerializer<String[]> serializer = BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO.createSerializer();
        String[] value = {"a", null, "日本"};
        String[] result = SerializerTestUtils.roundTrip(serializer, value);
        assertArrayEquals(value, result);
        assertEquals(String[].class, result.getClass());
    }

    @Test
    void listsAndMapsRoundTripAndCopyDeeply() {
        TypeSerializer<List<String>> lists = Types.LIST(Types.STRING).createSerializer();
        assertEquals(List.of("x", "y"), SerializerTestUtils.roundTrip(lists, List.of("x", "y")));
        TypeSerializer<Map<String, Integer>> maps = Types.MAP(Types.STRING, Types.INT).createSerializer();
        assertEquals(Map.of("a", 1, "b", 2), SerializerTestUtils.roundTrip(maps, Map.of("a", 1, "b", 2)));
        List<String> original = new java.util.ArrayList<>(List.of("x"));
        List<String> copy = lists.copy(original);
        original.add("y");
        assertNotSame(original, copy);
        assertEquals(List.of("x"), copy);
    }
}
