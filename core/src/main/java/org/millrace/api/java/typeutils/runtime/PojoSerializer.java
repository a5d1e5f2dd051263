package org.millrace.api.java.typeutils.runtime;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.NullableSerializer;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes a POJO field by field (in the name order fixed by
 * {@link org.millrace.api.java.typeutils.PojoTypeInfo}):
 *
 * <pre>
 *   header byte: 0 = null, 1 = exactly the POJO class, 2 = a subclass (its class name follows,
 *                then the value in the subclass's own serializer's format)
 *   per field:   a null marker for reference-typed fields (none for primitives), then the value
 * </pre>
 *
 * Reflection is only used to set up: fields are resolved and made accessible once (again after
 * Java deserialization), and values are then read and written through those {@link Field}s.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private static final byte NULL = 0;
    private static final byte EXACT = 1;
    private static final byte SUBCLASS = 2;

    private final Class<T> clazz;
    private final Class<?>[] declaringClasses;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;

    private transient Field[] fields;
    private transient boolean[] nullable;
    private transient Constructor<T> constructor;
    private transient Map<Class<?>, TypeSerializer<Object>> subclassSerializers;
    private transient Map<String, TypeSerializer<Object>> subclassSerializersByName;

    @SuppressWarnings("unchecked")
    public PojoSerializer(Class<T> clazz, Field[] fields, TypeSerializer<?>[] fieldSerializers) {
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException("One serializer per field is needed");
        }
        this.clazz = clazz;
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.declaringClasses = new Class<?>[fields.length];
        this.fieldNames = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            declaringClasses[i] = fields[i].getDeclaringClass();
            fieldNames[i] = fields[i].getName();
        }
        setUpReflection();
    }

    private void setUpReflection() {
        fields = new Field[fieldNames.length];
        nullable = new boolean[fieldNames.length];
        try {
            for (int i = 0; i < fieldNames.length; i++) {
                fields[i] = declaringClasses[i].getDeclaredField(fieldNames[i]);
                fields[i].setAccessible(true);
                nullable[i] = !fields[i].getType().isPrimitive();
            }
            constructor = clazz.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchFieldException | NoSuchMethodException e) {
            throw new IllegalStateException("POJO class " + clazz.getName() + " changed: " + e.getMessage(), e);
        }
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(NULL);
            return;
        }
        Class<?> actual = record.getClass();
        if (actual != clazz) {
            target.writeByte(SUBCLASS);
            target.writeUTF(actual.getName());
            subclassSerializer(actual).serialize(record, target);
            return;
        }
        target.writeByte(EXACT);
        try {
            for (int i = 0; i < fields.length; i++) {
                Object value = fields[i].get(record);
                if (!nullable[i] || NullableSerializer.writeMarker(value, target)) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read a field of " + clazz.getName(), e);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte header = source.readByte();
        switch (header) {
            case NULL:
                return null;
            case EXACT:
                T pojo = newInstance();
                try {
                    for (int i = 0; i < fields.length; i++) {
                        if (!nullable[i] || NullableSerializer.readMarker(source)) {
                            fields[i].set(pojo, fieldSerializers[i].deserialize(source));
                        }
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot set a field of " + clazz.getName(), e);
                }
                return pojo;
            case SUBCLASS:
                return clazz.cast(subclassSerializer(source.readUTF()).deserialize(source));
            default:
                throw new IOException("Corrupt POJO data for " + clazz.getName() + ": unknown header " + header);
        }
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        if (from.getClass() != clazz) {
            return clazz.cast(subclassSerializer(from.getClass()).copy(from));
        }
        T copy = newInstance();
        try {
            for (int i = 0; i < fields.length; i++) {
                Object value = fields[i].get(from);
                fields[i].set(copy, value == null ? null : fieldSerializers[i].copy(value));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot copy a field of " + clazz.getName(), e);
        }
        return copy;
    }

    private T newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate POJO class " + clazz.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private TypeSerializer<Object> subclassSerializer(Class<?> subclass) {
        if (subclassSerializers == null) {
            subclassSerializers = new HashMap<>();
        }
        return subclassSerializers.computeIfAbsent(subclass,
                c -> (TypeSerializer<Object>) TypeExtractor.createTypeInfo(c).createSerializer().duplicate());
    }

    private TypeSerializer<Object> subclassSerializer(String className) throws IOException {
        if (subclassSerializersByName == null) {
            subclassSerializersByName = new HashMap<>();
        }
        TypeSerializer<Object> serializer = subclassSerializersByName.get(className);
        if (serializer == null) {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Class<?> subclass = Class.forName(className, false, loader != null ? loader : clazz.getClassLoader());
                serializer = subclassSerializer(subclass);
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot load subclass " + className + " of POJO " + clazz.getName(), e);
            }
            subclassSerializersByName.put(className, serializer);
        }
        return serializer;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        // the subclass caches are per instance, so every user gets its own
        TypeSerializer<?>[] duplicates = duplicateAll(fieldSerializers);
        return new PojoSerializer<>(clazz, fields, duplicates);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        setUpReflection();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PojoSerializer
                && ((PojoSerializer<?>) o).clazz == clazz
                && Arrays.equals(((PojoSerializer<?>) o).fieldNames, fieldNames)
                && Arrays.equals(((PojoSerializer<?>) o).fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * clazz.getName().hashCode() + Arrays.hashCode(fieldNames);
    }
}
