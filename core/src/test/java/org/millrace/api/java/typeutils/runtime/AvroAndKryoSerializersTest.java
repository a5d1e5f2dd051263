package org.millrace.api.java.typeutils.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.AvroTypeInfo;
import org.millrace.api.java.typeutils.GenericRecordAvroTypeInfo;
import org.millrace.api.java.typeutils.GenericTypeInfo;
import org.millrace.api.java.typeutils.TestTypes.Money;

class AvroAndKryoSerializersTest {

    private static final Schema EVENT = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredInt("count").optionalString("note").endRecord();

    @Test
    void genericRecordRoundTripsInAvroBinaryEncoding() throws Exception {
        TypeSerializer<GenericRecord> serializer = new GenericRecordAvroTypeInfo(EVENT).createSerializer();
        GenericRecord record = new GenericData.Record(EVENT);
        record.put("id", "e-1");
        record.put("count", 3);
        record.put("note", null);
        GenericRecord result = SerializerTestUtils.roundTrip(serializer, record);
        assertEquals("e-1", result.get("id").toString());
        assertEquals(3, result.get("count"));
        assertNull(result.get("note"));
        // Avro binary: string = zig-zag length + bytes, int = zig-zag varint, union branch index 0 (null)
        assertArrayEquals(new byte[] {6, 'e', '-', '1', 6, 0},
                SerializerTestUtils.serialize(serializer, record));
    }

    @Test
    void specificRecordIsDetectedAndRoundTrips() {
        TypeInformation<TestAvroUser> info = TypeInformation.of(TestAvroUser.class);
        assertInstanceOf(AvroTypeInfo.class, info);
        TestAvroUser result = SerializerTestUtils.roundTrip(info.createSerializer(), new TestAvroUser("Ana", 12, null));
        assertInstanceOf(TestAvroUser.class, result);
        assertEquals("Ana", result.name);
        assertEquals(12, result.visits);
        assertNull(result.email);
    }

    @Test
    void avroCopyIsDeep() {
        TypeSerializer<TestAvroUser> serializer = new AvroTypeInfo<>(TestAvroUser.class).createSerializer();
        TestAvroUser original = new TestAvroUser("a", 1, "x@y");
        TestAvroUser copy = serializer.copy(original);
        original.visits = 2;
        assertNotSame(original, copy);
        assertEquals(1, copy.visits);
        assertEquals("x@y", copy.email);
    }

    @Test
    void classWithoutNoArgConstructorFallsBackToKryoAndRoundTrips() {
        TypeInformation<Money> info = TypeInformation.of(Money.class);
        assertInstanceOf(GenericTypeInfo.class, info);
        TypeSerializer<Money> serializer = info.createSerializer();
        assertEquals(new Money(1999, "EUR"), SerializerTestUtils.roundTrip(serializer, new Money(1999, "EUR")));
        assertNull(SerializerTestUtils.roundTrip(serializer, null));
    }

    @Test
    void kryoCopyIsDeep() {
        TypeSerializer<ArrayList> serializer = new GenericTypeInfo<>(ArrayList.class).createSerializer();
        ArrayList<Object> original = new ArrayList<>(List.of("a", new Money(1, "USD")));
        @SuppressWarnings("unchecked")
        ArrayList<Object> copy = serializer.copy(original);
        original.add("b");
        assertEquals(List.of("a", new Money(1, "USD")), copy);
        assertNotSame(original.get(1), copy.get(1));
    }

    @Test
    void duplicatedKryoSerializersAreIndependentInstances() {
        TypeSerializer<Money> serializer = TypeInformation.of(Money.class).createSerializer();
        assertNotSame(serializer, serializer.duplicate());
        assertEquals(serializer, serializer.duplicate());
    }
}
