package org.millrace.api.java.typeutils;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.AvroSerializer;

/**
 * Type information for Avro {@link GenericRecord}s of one schema. The schema cannot be derived from
 * the class, so it must be declared: {@code .returns(new GenericRecordAvroTypeInfo(schema))}.
 */
public final class GenericRecordAvroTypeInfo extends TypeInformation<GenericRecord> {

    private static final long serialVersionUID = 1L;

    /** The schema as JSON: Avro's {@link Schema} is not reliably Java-serializable across versions. */
    private final String schemaJson;
    private transient Schema schema;

    public GenericRecordAvroTypeInfo(Schema schema) {
        this.schema = schema;
        this.schemaJson = schema.toString();
    }

    public Schema getSchema() {
        if (schema == null) {
            schema = new Schema.Parser().parse(schemaJson);
        }
        return schema;
    }

    @Override
    public Class<GenericRecord> getTypeClass() {
        return GenericRecord.class;
    }

    @Override
    public TypeSerializer<GenericRecord> createSerializer() {
        return AvroSerializer.forGeneric(schemaJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericRecordAvroTypeInfo && ((GenericRecordAvroTypeInfo) o).schemaJson.equals(schemaJson);
    }

    @Override
    public int hashCode() {
        return schemaJson.hashCode();
    }

    @Override
    public String toString() {
        return "GenericRecord(\"" + getSchema().getFullName() + "\")";
    }
}
