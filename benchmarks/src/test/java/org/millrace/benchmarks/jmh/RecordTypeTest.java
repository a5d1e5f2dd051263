package org.millrace.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.millrace.api.common.typeutils.base.LongSerializer;
import org.millrace.api.common.typeutils.base.StringSerializer;
import org.millrace.api.java.typeutils.runtime.AvroSerializer;
import org.millrace.api.java.typeutils.runtime.PojoSerializer;
import org.millrace.api.java.typeutils.runtime.RowSerializer;
import org.millrace.api.java.typeutils.runtime.TupleSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.api.RecordDeserializer;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

class RecordTypeTest {

    @Test
    void eachTypeClassGetsTheSerializerItIsNamedFor() {
        Map<RecordType, Class<?>> expected = Map.of(
                RecordType.LONG, LongSerializer.class,
                RecordType.STRING_ASCII, StringSerializer.class,
                RecordType.STRING_NON_ASCII, StringSerializer.class,
                RecordType.TUPLE2_STRING_LONG, TupleSerializer.class,
                RecordType.POJO, PojoSerializer.class,
                RecordType.ROW, RowSerializer.class,
                RecordType.AVRO_GENERIC, AvroSerializer.class,
                RecordType.KRYO, KryoSerializer.class);
        assertEquals(RecordType.values().length, expected.size());
        for (RecordType type : RecordType.values()) {
            assertEquals(expected.get(type), type.typeInformation().createSerializer().getClass(), type.name());
        }
    }

    @Test
    void nonAsciiStringsLeaveLatin1() {
        for (int i = 0; i < 100; i++) {
            String word = (String) RecordType.STRING_NON_ASCII.value(i);
            assertTrue(word.chars().anyMatch(c -> c > 0xFF), word);
        }
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void batchWrittenIntoSeveralBuffersReadsBackToTheSameBytes(RecordType type) throws Exception {
        StreamElementSerializer<Object> elements = SerializationBenchmark.elementSerializer(type);
        CapturingPartitionWriter partition = new CapturingPartitionWriter();
        RecordWriter<Object> writer = SerializationBenchmark.newRecordWriter(partition, elements);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(type.value(i));
            writer.emit(new StreamRecord<>(values.get(i)));
        }
        writer.flushAll();
        List<Buffer> buffers = partition.takeEmitted();
        assertTrue(buffers.size() > 1, "the batch spans buffers");

        RecordDeserializer<Object> deserializer = new RecordDeserializer<>(SerializationBenchmark.elementSerializer(type));
        List<Object> read = new ArrayList<>();
        for (Buffer buffer : buffers) {
            deserializer.addBuffer(buffer);
            StreamRecord<Object> next;
            while ((next = deserializer.next(new StreamRecord<>(null))) != null) {
                read.add(next.getValue());
            }
        }
        assertTrue(deserializer.isEmpty());
        assertEquals(values.size(), read.size());
        for (int i = 0; i < values.size(); i++) {
            assertArrayEquals(bytes(elements, values.get(i)), bytes(elements, read.get(i)), type + " record " + i);
        }
    }

    private static byte[] bytes(StreamElementSerializer<Object> elements, Object value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        elements.getValueSerializer().serialize(value, out);
        return out.copyOfBuffer();
    }
}
