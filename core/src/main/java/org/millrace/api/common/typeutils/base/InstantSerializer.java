package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.time.Instant;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes an {@link Instant} (or null) as a null marker, epoch seconds and nanoseconds. */
public final class InstantSerializer extends ImmutableValueSerializer<Instant> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        if (NullableSerializer.writeMarker(record, target)) {
            target.writeLong(record.getEpochSecond());
            target.writeInt(record.getNano());
        }
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        if (!NullableSerializer.readMarker(source)) {
            return null;
        }
        long seconds = source.readLong();
        return Instant.ofEpochSecond(seconds, source.readInt());
    }
}
