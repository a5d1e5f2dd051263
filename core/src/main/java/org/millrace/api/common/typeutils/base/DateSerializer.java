package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.util.Date;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes a {@link Date} (or null) as a null marker and its epoch milliseconds. Dates are mutable,
 * so {@link #copy} makes a new one.
 */
public final class DateSerializer extends TypeSerializer<Date> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final DateSerializer INSTANCE = new DateSerializer();

    @Override
    public void serialize(Date record, DataOutputView target) throws IOException {
        if (NullableSerializer.writeMarker(record, target)) {
            target.writeLong(record.getTime());
        }
    }

    @Override
    public Date deserialize(DataInputView source) throws IOException {
        return NullableSerializer.readMarker(source) ? new Date(source.readLong()) : null;
    }

    @Override
    public Date copy(Date from) {
        return from == null ? null : new Date(from.getTime());
    }

    @Override
    public TypeSerializer<Date> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateSerializer;
    }

    @Override
    public int hashCode() {
        return DateSerializer.class.getName().hashCode();
    }
}
