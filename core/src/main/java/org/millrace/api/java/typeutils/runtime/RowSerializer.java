package org.millrace.api.java.typeutils.runtime;

import java.io.IOException;
import java.util.Arrays;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.millrace.types.Row;
import org.millrace.types.RowKind;

/**
 * Writes a {@link Row} of a declared arity:
 *
 * <pre>
 *   kind byte, then per group of up to 8 fields: a null-mask byte (bit i set = field i of the group
 *   is null) followed by the group's non-null fields in their serializers' formats
 * </pre>
 *
 * Interleaving the masks with the fields lets the reader decode in one pass without a buffer.
 */
public final class RowSerializer extends TypeSerializer<Row> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;

    @SuppressWarnings("unchecked")
    public RowSerializer(TypeSerializer<?>[] fieldSerializers) {
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fieldSerializers.length;
    }

    public int getArity() {
        return arity;
    }

    @Override
    public void serialize(Row record, DataOutputView target) throws IOException {
        if (record.getArity() != arity) {
            throw new IllegalArgumentException(
                    "Row " + record + " has " + record.getArity() + " fields but its declared type has " + arity);
        }
        target.writeByte(record.getKind().toByteValue());
        for (int groupStart = 0; groupStart < arity; groupStart += 8) {
            int groupEnd = Math.min(groupStart + 8, arity);
            int mask = 0;
            for (int i = groupStart; i < groupEnd; i++) {
                if (record.getField(i) == null) {
                    mask |= 1 << (i - groupStart);
                }
            }
            target.writeByte(mask);
            for (int i = groupStart; i < groupEnd; i++) {
                Object field = record.getField(i);
                if (field != null) {
                    fieldSerializers[i].serialize(field, target);
                }
            }
        }
    }

    @Override
    public Row deserialize(DataInputView source) throws IOException {
        Row row = new Row(RowKind.fromByteValue(source.readByte()), arity);
        for (int groupStart = 0; groupStart < arity; groupStart += 8) {
            int groupEnd = Math.min(groupStart + 8, arity);
            int mask = source.readUnsignedByte();
            for (int i = groupStart; i < groupEnd; i++) {
                if ((mask & (1 << (i - groupStart))) == 0) {
                    row.setField(i, fieldSerializers[i].deserialize(source));
                }
            }
        }
        return row;
    }

    @Override
    public Row copy(Row from) {
        Row row = new Row(from.getKind(), from.getArity());
        for (int i = 0; i < from.getArity(); i++) {
            Object field = from.getField(i);
            row.setField(i, field == null ? null : fieldSerializers[i].copy(field));
        }
        return row;
    }

    @Override
    public TypeSerializer<Row> duplicate() {
        TypeSerializer<?>[] duplicates = duplicateAll(fieldSerializers);
        return duplicates == fieldSerializers ? this : new RowSerializer(duplicates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowSerializer && Arrays.equals(((RowSerializer) o).fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fieldSerializers);
    }
}
