package org.millrace.streaming.api.operators;

import java.io.IOException;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * One key's state in a STREAMING {@code sum(field)} ({@link StreamPrimitiveSumOperator}): the key's
 * first record, the template of every result, and the running sum as a primitive that each record
 * adds to in place.
 *
 * <p>Why not keep the running record itself: its summed field is a boxed number, so every record
 * would store a new young object into the state and the next record of the key would chase two
 * pointers into scattered, recently allocated memory. A key's {@code RunningSum} and template are
 * created once and then only read, so they settle in the old generation next to each other.
 *
 * <p>The template is never changed and never handed out (results are copies of it), so a copy of a
 * {@code RunningSum} may share it.
 */
final class RunningSum<T> {

    final T template;
    long longSum;
    double doubleSum;

    private RunningSum(T template, long longSum, double doubleSum) {
        this.template = template;
        this.longSum = longSum;
        this.doubleSum = doubleSum;
    }

    /** The state of a key whose first record is {@code first}. */
    static <T> RunningSum<T> startingWith(T first, FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
        Object addend = field.get(first);
        return kind.isFloatingPoint()
                ? new RunningSum<>(first, 0, kind.doubleOf(addend))
                : new RunningSum<>(first, kind.longOf(addend), 0);
    }

    void add(Object addend, PrimitiveSumKind kind) {
        if (kind.isFloatingPoint()) {
            doubleSum += kind.doubleOf(addend);
        } else {
            longSum += kind.longOf(addend);
        }
    }

    /** A new record: the template's fields, with the summed field set to the running sum. */
    T result(FieldAccessor<T, Object> field, PrimitiveSumKind kind, TypeSerializer<T> records) {
        return field.set(records.copy(template), kind.box(longSum, doubleSum));
    }

    /**
     * Type of the state. Snapshots hold the running record ({@link #result}) in the stream's own
     * format, exactly what the generic keyed reduce stores, so savepoints move between the two.
     */
    static final class Type<T> extends TypeInformation<RunningSum<T>> {

        private static final long serialVersionUID = 1L;

        private final TypeInformation<T> recordType;
        private final FieldAccessor<T, Object> field;
        private final PrimitiveSumKind kind;

        Type(TypeInformation<T> recordType, FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
            this.recordType = recordType;
            this.field = field;
            this.kind = kind;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<RunningSum<T>> getTypeClass() {
            return (Class) RunningSum.class;
        }

        @Override
        public TypeSerializer<RunningSum<T>> createSerializer() {
            return new Serializer<>(this, recordType.createSerializer());
        }

        @Override
        public boolean isKeyType() {
            return false;
        }
    }

    private static final class Serializer<T> extends TypeSerializer<RunningSum<T>> {

        private static final long serialVersionUID = 1L;

        private final Type<T> type;
        private final TypeSerializer<T> records;

        Serializer(Type<T> type, TypeSerializer<T> records) {
            this.type = type;
            this.records = records;
        }

        @Override
        public void serialize(RunningSum<T> sum, DataOutputView target) throws IOException {
            records.serialize(sum.result(type.field, type.kind, records), target);
        }

        @Override
        public RunningSum<T> deserialize(DataInputView source) throws IOException {
            return startingWith(records.deserialize(source), type.field, type.kind);
        }

        /** Shares the template, which is never changed. */
        @Override
        public RunningSum<T> copy(RunningSum<T> from) {
            return new RunningSum<>(from.template, from.longSum, from.doubleSum);
        }

        @Override
        public TypeSerializer<RunningSum<T>> duplicate() {
            return new Serializer<>(type, records.duplicate());
        }
    }
}
