package org.millrace.api.java.typeutils;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.AvroSerializer;

/**
 * Type information for generated Avro classes ({@link SpecificRecord}s): values are written in
 * Avro's binary encoding with the class's own schema.
 */
public final class AvroTypeInfo<T extends SpecificRecord> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;

    public AvroTypeInfo(Class<T> recordClass) {
        this.recordClass = Objects.requireNonNull(recordClass);
    }

    @Override
    public Class<T> getTypeClass() {
        return recordClass;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return AvroSerializer.forSpecific(recordClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroTypeInfo && ((AvroTypeInfo<?>) o).recordClass == recordClass;
    }

    @Override
    public int hashCode() {
        return recordClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "AvroType<" + recordClass.getName() + ">";
    }
}
