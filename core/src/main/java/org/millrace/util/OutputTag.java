package org.millrace.util;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.typeutils.TypeExtractor;

/**
 * Names a side output of an operator and its element type. Create it as an anonymous subclass so
 * the type is captured, {@code new OutputTag<String>("late") {}}, or pass the type explicitly.
 * Two tags are equal when their ids are; functions emit with {@code ctx.output(tag, value)} and a
 * program reads the stream with {@code getSideOutput(tag)}.
 */
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    /** For anonymous subclasses: the type argument of the subclass gives the element type. */
    @SuppressWarnings("unchecked")
    public OutputTag(String id) {
        this.id = checkId(id);
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType p) || p.getRawType() != OutputTag.class) {
            throw new InvalidProgramException("Could not determine the type of OutputTag '" + id + "': create it as an "
                    + "anonymous subclass, new OutputTag<String>(\"" + id + "\") {}, or pass its TypeInformation");
        }
        this.typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(p.getActualTypeArguments()[0]);
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = checkId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    private static String checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
