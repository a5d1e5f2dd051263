package org.millrace.api.java.typeutils.runtime;

import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes Avro records in Avro's binary encoding, straight into the data views through a reused
 * direct (unbuffered) encoder and decoder, so no bytes are read past a record. Serves generated
 * {@link SpecificRecord} classes and {@link GenericRecord}s of a given schema. Avro's machinery is
 * created on first use; {@link #duplicate()} returns a fresh instance. Null is not allowed.
 */
public final class AvroSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    /** The writer schema as JSON for generic records; null for specific records (the class knows it). */
    private final String genericSchemaJson;

    private transient Schema schema;
    private transient GenericData data;
    private transient DatumWriter<T> writer;
    private transient DatumReader<T> reader;
    private transient DataViewStreams.Out out;
    private transient DataViewStreams.In in;
    private transient BinaryEncoder encoder;
    private transient BinaryDecoder decoder;

    private AvroSerializer(Class<T> type, String genericSchemaJson) {
        this.type = Objects.requireNonNull(type);
        this.genericSchemaJson = genericSchemaJson;
    }

    /** A serializer for a generated Avro class. */
    public static <T extends SpecificRecord> AvroSerializer<T> forSpecific(Class<T> recordClass) {
        return new AvroSerializer<>(recordClass, null);
    }

    /** A serializer for generic records of the schema given as JSON. */
    public static AvroSerializer<GenericRecord> forGeneric(String schemaJson) {
        return new AvroSerializer<>(GenericRecord.class, Objects.requireNonNull(schemaJson));
    }

    private void initialize() {
        if (genericSchemaJson == null) {
            SpecificData specific = SpecificData.getForClass(type);
            schema = specific.getSchema(type);
            data = specific;
            writer = new SpecificDatumWriter<>(schema, specific);
            reader = new SpecificDatumReader<>(schema, schema, specific);
        } else {
            schema = new Schema.Parser().parse(genericSchemaJson);
            data = GenericData.get();
            writer = new GenericDatumWriter<>(schema, data);
            reader = new GenericDatumReader<>(schema, schema, data);
        }
        out = new DataViewStreams.Out();
        in = new DataViewStreams.In();
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (writer == null) {
            initialize();
        }
        if (record == null) {
            throw new NullPointerException("Avro records of type " + type.getName() + " must not be null");
        }
        out.setTarget(target);
        encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
        writer.write(record, encoder);
        encoder.flush();
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (reader == null) {
            initialize();
        }
        in.setSource(source);
        decoder = DecoderFactory.get().directBinaryDecoder(in, decoder);
        return reader.read(null, decoder);
    }

    @Override
    public T copy(T from) {
        if (data == null) {
            initialize();
        }
        return from == null ? null : data.deepCopy(schema, from);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new AvroSerializer<>(type, genericSchemaJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroSerializer
                && ((AvroSerializer<?>) o).type == type
                && Objects.equals(((AvroSerializer<?>) o).genericSchemaJson, genericSchemaJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.getName(), genericSchemaJson);
    }
}
