package org.millrace.api.java.typeutils;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.types.Row;

/**
 * A field of a value whose type is only known at run time ({@link DynamicTypeInfo}): resolved on
 * each record's class. Tuples and rows by position ({@code 3}, or {@code "f3"}); other classes by
 * field name through reflection, with the last class's field cached (streams are nearly always
 * of one class). An atomic value is its own position 0.
 */
final class DynamicFieldAccessor<T, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    /** The position, or -1 when selecting by name. */
    private final int pos;
    private final String name;
    private transient volatile CachedField cache;

    private DynamicFieldAccessor(int pos, String name) {
        this.pos = pos;
        this.name = name;
    }

    static <T, F> DynamicFieldAccessor<T, F> forPosition(int pos) {
        return new DynamicFieldAccessor<>(pos, null);
    }

    static <T, F> DynamicFieldAccessor<T, F> forName(String name) {
        return new DynamicFieldAccessor<>(FieldAccessors.positionOf(name), name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(T record) {
        if (record instanceof Tuple) {
            Tuple tuple = (Tuple) record;
            return tuple.getField(checkPosition(tuple.getArity(), record));
        }
        if (record instanceof Row) {
            Row row = (Row) record;
            return (F) row.getField(checkPosition(row.getArity(), record));
        }
        if (name == null) {
            checkPosition(1, record);
            return (F) record;
        }
        try {
            return (F) field(record).get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read field '" + name + "' of " + record.getClass().getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T set(T record, F fieldValue) {
        if (record instanceof Tuple) {
            Tuple tuple = (Tuple) record;
            tuple.setField(fieldValue, checkPosition(tuple.getArity(), record));
            return record;
        }
        if (record instanceof Row) {
            Row row = (Row) record;
            row.setField(checkPosition(row.getArity(), record), fieldValue);
            return record;
        }
        if (name == null) {
            checkPosition(1, record);
            return (T) fieldValue;
        }
        try {
            field(record).set(record, fieldValue);
            return record;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot set field '" + name + "' of " + record.getClass().getName(), e);
        }
    }

    @Override
    public DynamicTypeInfo<F> getFieldType() {
        return new DynamicTypeInfo<>();
    }

    private int checkPosition(int arity, Object record) {
        if (pos < 0) {
            throw new InvalidProgramException("Field '" + name + "' does not exist in type "
                    + record.getClass().getSimpleName() + ": its fields are selected as f0..f" + (arity - 1));
        }
        if (pos >= arity) {
            throw new InvalidProgramException("Field position " + pos + " is out of range for type "
                    + record.getClass().getSimpleName() + " (arity " + arity + ")");
        }
        return pos;
    }

    private Field field(Object record) {
        Class<?> c = record.getClass();
        CachedField cached = cache;
        if (cached == null || cached.owner != c) {
            cached = new CachedField(c, findField(c));
            cache = cached;
        }
        return cached.field;
    }

    private Field findField(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (RuntimeException e) {
                throw new InvalidProgramException("Field '" + name + "' of type " + c.getName() + " is not accessible", e);
            }
        }
        throw new InvalidProgramException("Field '" + name + "' does not exist in type " + c.getName());
    }

    /** The field of the last class seen; replaced as a whole so readers never see a torn pair. */
    private static final class CachedField {
        final Class<?> owner;
        final Field field;

        CachedField(Class<?> owner, Field field) {
            this.owner = owner;
            this.field = field;
        }
    }
}
