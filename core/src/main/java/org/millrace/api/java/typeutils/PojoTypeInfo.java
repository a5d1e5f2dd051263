package org.millrace.api.java.typeutils;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.CompositeType;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.PojoSerializer;

/**
 * Type information for POJOs: public classes with a public no-argument constructor whose
 * non-static, non-transient fields are each public or have a getter and a setter. Fields are
 * sorted by name (as in Flink), which fixes their positions and serialized order. The type
 * extractor decides what is a POJO; {@code Types.POJO(Class)} asks it explicitly.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final PojoField[] fields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        super(typeClass);
        List<PojoField> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(PojoField::getName));
        this.fields = sorted.toArray(new PojoField[0]);
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    /** The field at {@code pos} in name order. */
    public PojoField getPojoFieldAt(int pos) {
        return fields[pos];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) fields[pos].getTypeInformation();
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getName();
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        Field[] reflectFields = new Field[fields.length];
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            reflectFields[i] = fields[i].getField();
            serializers[i] = fields[i].getTypeInformation().createSerializer();
        }
        return new PojoSerializer<>(getTypeClass(), reflectFields, serializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PojoTypeInfo
                && ((PojoTypeInfo<?>) o).getTypeClass() == getTypeClass()
                && java.util.Arrays.equals(((PojoTypeInfo<?>) o).fields, fields);
    }

    @Override
    public int hashCode() {
        return 31 * getTypeClass().getName().hashCode() + java.util.Arrays.hashCode(fields);
    }

    /** Formats as {@code PojoType<com.example.Person, fields = [age: Integer, name: String]>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoType<").append(getTypeClass().getName()).append(", fields = [");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]);
        }
        return sb.append("]>").toString();
    }
}
