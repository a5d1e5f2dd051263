package org.millrace.api.java.typeutils.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.api.java.typeutils.TestTypes.Address;
import org.millrace.api.java.typeutils.TestTypes.Color;
import org.millrace.api.java.typeutils.TestTypes.Employee;
import org.millrace.api.java.typeutils.TestTypes.Person;
import org.millrace.api.java.typeutils.TestTypes.WordCount;
import org.millrace.types.Row;
import org.millrace.types.RowKind;

class CompositeSerializersTest {

    @Test
    void tuple2OfStringAndIntIsWrittenAsItsFieldsBackToBack() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> serializer =
                TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}).createSerializer();
        assertArrayEquals(new byte[] {5, 'h', 'i', 0, 0, 0, 7},
                SerializerTestUtils.serialize(serializer, Tuple2.of("hi", 7)));
        assertEquals(Tuple2.of("日本", -3), SerializerTestUtils.roundTrip(serializer, Tuple2.of("日本", -3)));
    }

    @Test
    void nestedTuplesRoundTrip() {
        TypeSerializer<Tuple3<String, Tuple2<Long, Double>, int[]>> serializer =
                TypeInformation.of(new TypeHint<Tuple3<String, Tuple2<Long, Double>, int[]>>() {}).createSerializer();
        Tuple3<String, Tuple2<Long, Double>, int[]> value = Tuple3.of("", Tuple2.of(5L, 0.5), new int[] {3});
        Tuple3<String, Tuple2<Long, Double>, int[]> result = SerializerTestUtils.roundTrip(serializer, value);
        assertEquals("", result.f0);
        assertEquals(Tuple2.of(5L, 0.5), result.f1);
        assertEquals(3, result.f2[0]);
    }

    @Test
    void nullTupleFieldIsRejectedNamingTheField() {
        TypeSerializer<Tuple2<String, Integer>> serializer = Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT)
                .createSerializer();
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> SerializerTestUtils.serialize(serializer, Tuple2.of("a", null)));
        assertEquals("Field f1 of a Tuple2 is null, but tuple fields must not be null "
                + "(use a Row, a POJO or a sentinel value for missing data)", e.getMessage());
    }

    @Test
    void tupleCopyIsDeepForMutableFields() {
        TypeSerializer<Tuple2<String, Tuple2<String, Integer>>> serializer =
                TypeInformation.of(new TypeHint<Tuple2<String, Tuple2<String, Integer>>>() {}).createSerializer();
        Tuple2<String, Tuple2<String, Integer>> original = Tuple2.of("a", Tuple2.of("b", 1));
        Tuple2<String, Tuple2<String, Integer>> copy = serializer.copy(original);
        original.f1.f1 = 2;
        assertEquals(Tuple2.of("a", Tuple2.of("b", 1)), copy);
    }

    @Test
    void tupleSubclassRoundTripsAsItsOwnClass() {
        TypeSerializer<WordCount> serializer = Types.TUPLE(WordCount.class).createSerializer();
        WordCount result = SerializerTestUtils.roundTrip(serializer, new WordCount("w", 3L));
        assertEquals(WordCount.class, result.getClass());
        assertEquals("(w,3)", result.toString());
    }

    @Test
    void pojoWithPrivateFieldsRoundTripsIncludingNullFields() {
        TypeSerializer<Person> serializer = Types.POJO(Person.class).createSerializer();
        Person full = new Person("Zoë", 41, new Address("Köln", 50667), new ArrayList<>(List.of("a", "b")));
        assertEquals(full, SerializerTestUtils.roundTrip(serializer, full));
        Person sparse = new Person(null, 0, new Address(null, null), null);
        assertEquals(sparse, SerializerTestUtils.roundTrip(serializer, sparse));
        assertNull(SerializerTestUtils.roundTrip(serializer, null));
    }

    @Test
    void pojoSubclassRoundTripsWithItsExtraFields() {
        TypeSerializer<Person> serializer = Types.POJO(Person.class).createSerializer();
        Employee employee = new Employee();
        employee.setName("E");
        employee.company = "ACME";
        Person result = SerializerTestUtils.roundTrip(serializer, employee);
        assertInstanceOf(Employee.class, result);
        assertEquals("ACME", ((Employee) result).company);
        assertEquals("E", result.getName());
    }

    @Test
    void pojoCopyIsIndependentOfTheOriginal() {
        TypeSerializer<Person> serializer = Types.POJO(Person.class).createSerializer();
        Person original = new Person("a", 1, new Address("x", 1), new ArrayList<>(List.of("t")));
        Person copy = serializer.copy(original);
        original.getAddress().city = "changed";
        original.tags.add("u");
        assertNotSame(original.getAddress(), copy.getAddress());
        assertEquals(new Person("a", 1, new Address("x", 1), List.of("t")), copy);
    }

    @Test
    void rowsRoundTripWithNullsKindAndMoreThanEightFields() {
        TypeInformation<?>[] types = new TypeInformation<?>[10];
        Object[] values = new Object[10];
        for (int i = 0; i < 10; i++) {
            types[i] = Types.INT;
            values[i] = i % 3 == 0 ? null : i;
        }
        TypeSerializer<Row> serializer = Types.ROW(types).createSerializer();
        Row row = Row.ofKind(RowKind.UPDATE_BEFORE, values);
        assertEquals(row, SerializerTestUtils.roundTrip(serializer, row));
        TypeSerializer<Row> small = Types.ROW(Types.STRING, Types.LONG).createSerializer();
        assertEquals(Row.of("a", null), SerializerTestUtils.roundTrip(small, Row.of("a", null)));
    }

    @Test
    void rowWithWrongArityIsRejected() {
        TypeSerializer<Row> serializer = Types.ROW(Types.STRING, Types.LONG).createSerializer();
        assertThrows(IllegalArgumentException.class, () -> SerializerTestUtils.serialize(serializer, Row.of("a")));
    }

    @Test
    void rowCopyIsDeep() {
        TypeSerializer<Row> serializer = Types.ROW(Types.STRING, Types.ROW(Types.INT)).createSerializer();
        Row original = Row.of("a", Row.of(1));
        Row copy = serializer.copy(original);
        ((Row) original.getField(1)).setField(0, 2);
        assertEquals(Row.of("a", Row.of(1)), copy);
    }

    @Test
    void enumsAreWrittenAsOrdinals() throws Exception {
        TypeSerializer<Color> serializer = Types.ENUM(Color.class).createSerializer();
        assertArrayEquals(new byte[] {2},
                SerializerTestUtils.serialize(serializer, Color.GREEN));
        assertSame(Color.BLUE, SerializerTestUtils.roundTrip(serializer, Color.BLUE));
        assertNull(SerializerTestUtils.roundTrip(serializer, null));
    }
}
