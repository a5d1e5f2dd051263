package org.millrace.api.java.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.TestTypes.Address;
import org.millrace.api.java.typeutils.TestTypes.Money;
import org.millrace.api.java.typeutils.TestTypes.Person;
import org.millrace.api.java.typeutils.runtime.TestAvroUser;
import org.millrace.types.Row;

class SerializersSurviveJavaSerializationTest {

    private static <T> T afterShipping(TypeInformation<T> type, T value) {
        TypeInformation<T> shippedType = SerializerTestUtils.javaRoundTrip(type);
        assertEquals(type, shippedType);
        TypeSerializer<T> shipped = SerializerTestUtils.javaRoundTrip(type.createSerializer());
        assertEquals(type.createSerializer(), shipped);
        // use the shipped serializer before and after duplicate(), as a task would
        SerializerTestUtils.roundTrip(shipped, value);
        return SerializerTestUtils.roundTrip(shipped.duplicate(), value);
    }

    @Test
    void tupleAndBasicSerializersWorkAfterJavaSerialization() {
        TypeInformation<Tuple2<String, Long>> type = TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {});
        assertEquals(Tuple2.of("k", 1L), afterShipping(type, Tuple2.of("k", 1L)));
        assertEquals(Types.STRING, SerializerTestUtils.javaRoundTrip(Types.STRING));
    }

    @Test
    void pojoSerializerReResolvesItsFieldsAfterJavaSerialization() {
        Person person = new Person("p", 2, new Address("c", 9), List.of("t"));
        assertEquals(person, afterShipping(Types.POJO(Person.class), person));
    }

    @Test
    void rowDynamicKryoAndAvroSerializersWorkAfterJavaSerialization() {
        assertEquals(Row.of("a", 1), afterShipping(Types.ROW(Types.STRING, Types.INT), Row.of("a", 1)));
        assertEquals(Tuple2.of("a", 1), afterShipping(Types.DYNAMIC(), Tuple2.of("a", 1)));
        assertEquals(new Money(3, "GBP"), afterShipping(TypeInformation.of(Money.class), new Money(3, "GBP")));
        assertEquals("u", afterShipping(TypeInformation.of(TestAvroUser.class), new TestAvroUser("u", 1, "e")).name);
        Schema schema = SchemaBuilder.record("R").fields().requiredLong("x").endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("x", 4L);
        assertEquals(4L, afterShipping(new GenericRecordAvroTypeInfo(schema), record).get("x"));
    }
}
