package org.millrace.api.java.typeutils;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * One field of a POJO: its name, its type information and the reflective {@link Field} (made
 * accessible once, and re-resolved by name after Java deserialization because {@code Field} is not
 * serializable).
 */
public final class PojoField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<?> declaringClass;
    private final String name;
    private final TypeInformation<?> type;
    private transient Field field;

    public PojoField(Field field, TypeInformation<?> type) {
        this.declaringClass = field.getDeclaringClass();
        this.name = field.getName();
        this.type = Objects.requireNonNull(type);
        this.field = makeAccessible(field);
    }

    public String getName() {
        return name;
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    /** The accessible field (private fields included). */
    public Field getField() {
        return field;
    }

    private static Field makeAccessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            field = makeAccessible(declaringClass.getDeclaredField(name));
        } catch (NoSuchFieldException e) {
            throw new IOException("POJO field " + declaringClass.getName() + "." + name + " no longer exists", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PojoField
                && ((PojoField) o).declaringClass == declaringClass
                && ((PojoField) o).name.equals(name)
                && ((PojoField) o).type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declaringClass.getName(), name, type);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
