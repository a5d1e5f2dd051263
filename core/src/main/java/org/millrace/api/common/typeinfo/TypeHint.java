package org.millrace.api.common.typeinfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.java.typeutils.TypeExtractor;

/**
 * Captures a generic type that Java would otherwise erase, through an anonymous subclass:
 * {@code new TypeHint<Tuple2<String, Long>>(){}}. The subclass's generic superclass records the
 * full type argument, which {@link #getTypeInfo()} turns into type information.
 */
public abstract class TypeHint<T> {

    private TypeInformation<T> typeInfo;

    /** The type information for {@code T}; fails if {@code T} contains unresolved type variables. */
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getTypeInfo() {
        if (typeInfo == null) {
            Type superclass = getClass().getGenericSuperclass();
            if (!(superclass instanceof ParameterizedType) || ((ParameterizedType) superclass).getRawType() != TypeHint.class) {
                throw new InvalidProgramException("A TypeHint must be created as a direct anonymous subclass with a type "
                        + "argument, e.g. new TypeHint<Tuple2<String, Integer>>() {}");
            }
            Type captured = ((ParameterizedType) superclass).getActualTypeArguments()[0];
            typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(captured);
        }
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeHint && ((TypeHint<?>) o).getTypeInfo().equals(getTypeInfo());
    }

    @Override
    public int hashCode() {
        return getTypeInfo().hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + getTypeInfo();
    }
}
