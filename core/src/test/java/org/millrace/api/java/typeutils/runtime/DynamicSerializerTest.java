package org.millrace.api.java.typeutils.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.api.java.typeutils.TestTypes.Money;
import org.millrace.api.java.typeutils.TestTypes.WordCount;
import org.millrace.types.Row;
import org.millrace.types.RowKind;

class DynamicSerializerTest {

    private final DynamicSerializer<Object> serializer = new DynamicSerializer<>();

    @Test
    void wordCountTupleIsATagPerValueThenTheTypedFormats() throws Exception {
        assertArrayEquals(new byte[] {13, 1, 5, 'h', 'i', 2, 0, 0, 0, 7},
                SerializerTestUtils.serialize(serializer, Tuple2.of("hi", 7)));
        assertEquals(Tuple2.of("hi", 7), SerializerTestUtils.roundTrip(serializer, Tuple2.of("hi", 7)));
        assertEquals(Tuple2.of("hi", 7L), SerializerTestUtils.roundTrip(serializer, Tuple2.of("hi", 7L)));
    }

    @Test
    void mixedValuesRoundTripWithTheirClasses() {
        Object[] values = {null, "s", "日本\uD83D\uDE00", 1, 2L, 3.5d, true, 4.5f, (short) 6, (byte) 7, 'c',
            Tuple3.of("a", Tuple2.of(1, null), 2L), Row.ofKind(RowKind.UPDATE_AFTER, "r", null, 9),
            new BigDecimal("1.50"), new Money(5, "EUR"), new ArrayList<>(List.of("x", 1))};
        for (Object value : values) {
            Object result = SerializerTestUtils.roundTrip(serializer, value);
            assertEquals(value, result);
            assertEquals(value == null ? null : value.getClass(), result == null ? null : result.getClass());
        }
        assertArrayEquals(new byte[] {1, 2}, (byte[]) SerializerTestUtils.roundTrip(serializer, new byte[] {1, 2}));
        assertNull(SerializerTestUtils.roundTrip(serializer, null));
    }

    @Test
    void tupleSubclassKeepsItsClassThroughKryo() {
        Object result = SerializerTestUtils.roundTrip(serializer, new WordCount("w", 2));
        assertEquals(WordCount.class, result.getClass());
        assertEquals("(w,2)", result.toString());
    }

    @Test
    void copyIsDeepForTuplesRowsAndKryoValues() {
        Tuple2<String, Row> original = Tuple2.of("a", Row.of(new ArrayList<>(List.of(1))));
        @SuppressWarnings("unchecked")
        Tuple2<String, Row> copy = (Tuple2<String, Row>) serializer.copy(original);
        @SuppressWarnings("unchecked")
        List<Integer> list = (List<Integer>) original.f1.getField(0);
        list.add(2);
        original.f1.setKind(RowKind.DELETE);
        assertEquals(Tuple2.of("a", Row.of(List.of(1))), copy);
        assertNotSame(original.f1, copy.f1);
    }
}
