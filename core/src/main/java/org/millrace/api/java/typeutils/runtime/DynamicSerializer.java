package org.millrace.api.java.typeutils.runtime;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.api.common.typeutils.base.StringSerializer;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.runtime.kryo.KryoCodec;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.millrace.types.Row;
import org.millrace.types.RowKind;

/**
 * Serializes values whose type is only known at run time (see
 * {@link org.millrace.api.java.typeutils.DynamicTypeInfo}). Each value starts with a one-byte tag:
 *
 * <pre>
 *   0 null        1 String      2 Integer     3 Long        4 Double      5 Boolean
 *   6 Float       7 Short       8 Byte        9 Character  10 byte[]     11 Row
 *  12..21 Tuple1..Tuple10 (exact classes)    22 anything else, via Kryo with its class name
 * </pre>
 *
 * The common types are written in their typed serializers' formats; tuple and row fields are
 * written dynamically, recursively (so {@code Tuple2<String, Integer>} costs three tag bytes more
 * than with a typed serializer). Tags are fixed, so writer and reader need no shared state. Not
 * thread-safe: {@link #duplicate()} gives a new instance with its own lazily created Kryo.
 */
public final class DynamicSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    static final byte NULL = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte BOOLEAN = 5;
    static final byte FLOAT = 6;
    static final byte SHORT = 7;
    static final byte BYTE = 8;
    static final byte CHAR = 9;
    static final byte BYTES = 10;
    static final byte ROW = 11;
    static final byte TUPLE1 = 12;
    static final byte KRYO = TUPLE1 + Tuple.MAX_ARITY;

    private transient KryoCodec kryo;

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView source) throws IOException {
        return (T) read(source);
    }

    private void write(Object value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeByte(NULL);
            return;
        }
        Class<?> c = value.getClass();
        if (c == String.class) {
            target.writeByte(STRING);
            StringSerializer.writeString((String) value, target);
        } else if (c == Integer.class) {
            target.writeByte(INT);
            target.writeInt((Integer) value);
        } else if (c == Long.class) {
            target.writeByte(LONG);
            target.writeLong((Long) value);
        } else if (c == Tuple2.class) {
            Tuple2<?, ?> tuple = (Tuple2<?, ?>) value;
            target.writeByte(TUPLE1 + 1);
            write(tuple.f0, target);
            write(tuple.f1, target);
        } else if (c == Double.class) {
            target.writeByte(DOUBLE);
            target.writeDouble((Double) value);
        } else if (c == Boolean.class) {
            target.writeByte(BOOLEAN);
            target.writeBoolean((Boolean) value);
        } else {
            writeLessCommon(value, c, target);
        }
    }

    private void writeLessCommon(Object value, Class<?> c, DataOutputView target) throws IOException {
        if (c == Float.class) {
            target.writeByte(FLOAT);
            target.writeFloat((Float) value);
        } else if (c == Short.class) {
            target.writeByte(SHORT);
            target.writeShort((Short) value);
        } else if (c == Byte.class) {
            target.writeByte(BYTE);
            target.writeByte((Byte) value);
        } else if (c == Character.class) {
            target.writeByte(CHAR);
            target.writeChar((Character) value);
        } else if (c == byte[].class) {
            byte[] bytes = (byte[]) value;
            target.writeByte(BYTES);
            VarInts.write(target, bytes.length);
            target.write(bytes);
        } else if (c == Row.class) {
            Row row = (Row) value;
            target.writeByte(ROW);
            target.writeByte(row.getKind().toByteValue());
            VarInts.write(target, row.getArity());
            for (int i = 0; i < row.getArity(); i++) {
                write(row.getField(i), target);
            }
        } else if (isPlainTuple(c, value)) {
            Tuple tuple = (Tuple) value;
            int arity = tuple.getArity();
            target.writeByte(TUPLE1 + arity - 1);
            for (int i = 0; i < arity; i++) {
                write(tuple.getField(i), target);
            }
        } else {
            target.writeByte(KRYO);
            kryo().write(value, target);
        }
    }

    private static boolean isPlainTuple(Class<?> c, Object value) {
        return value instanceof Tuple && c == Tuple.getTupleClass(((Tuple) value).getArity());
    }

    private Object read(DataInputView source) throws IOException {
        byte tag = source.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return StringSerializer.readString(source);
            case INT: return source.readInt();
            case LONG: return source.readLong();
            case DOUBLE: return source.readDouble();
            case BOOLEAN: return source.readBoolean();
            case FLOAT: return source.readFloat();
            case SHORT: return source.readShort();
            case BYTE: return source.readByte();
            case CHAR: return source.readChar();
            case BYTES: {
                byte[] bytes = new byte[VarInts.read(source)];
                source.readFully(bytes);
                return bytes;
            }
            case ROW: {
                RowKind kind = RowKind.fromByteValue(source.readByte());
                Row row = new Row(kind, VarInts.read(source));
                for (int i = 0; i < row.getArity(); i++) {
                    row.setField(i, read(source));
                }
                return row;
            }
            case KRYO: return kryo().read(source);
            default:
                if (tag >= TUPLE1 && tag < KRYO) {
                    return readTuple(tag - TUPLE1 + 1, source);
                }
                throw new IOException("Corrupt data: unknown dynamic type tag " + tag);
        }
    }

    private Tuple readTuple(int arity, DataInputView source) throws IOException {
        if (arity == 2) {
            Object f0 = read(source);
            return new Tuple2<>(f0, read(source));
        }
        Tuple tuple = Tuple.newInstance(arity);
        for (int i = 0; i < arity; i++) {
            tuple.setField(read(source), i);
        }
        return tuple;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T copy(T from) {
        return (T) copyValue(from);
    }

    private Object copyValue(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> c = value.getClass();
        if (c == String.class || c == Integer.class || c == Long.class || c == Double.class || c == Boolean.class
                || c == Float.class || c == Short.class || c == Byte.class || c == Character.class) {
            return value;
        }
        if (c == byte[].class) {
            return ((byte[]) value).clone();
        }
        if (c == Row.class) {
            Row row = (Row) value;
            Row copy = new Row(row.getKind(), row.getArity());
            for (int i = 0; i < row.getArity(); i++) {
                copy.setField(i, copyValue(row.getField(i)));
            }
            return copy;
        }
        if (isPlainTuple(c, value)) {
            Tuple tuple = (Tuple) value;
            Tuple copy = Tuple.newInstance(tuple.getArity());
            for (int i = 0; i < tuple.getArity(); i++) {
                copy.setField(copyValue(tuple.getField(i)), i);
            }
            return copy;
        }
        return kryo().copy(value);
    }

    private KryoCodec kryo() {
        KryoCodec k = kryo;
        if (k == null) {
            k = new KryoCodec();
            kryo = k;
        }
        return k;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new DynamicSerializer<>();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicSerializer;
    }

    @Override
    public int hashCode() {
        return DynamicSerializer.class.getName().hashCode();
    }
}
