package org.millrace.api.common.typeinfo;

/** Skeleton: captures a generic type through an anonymous subclass: {@code new TypeHint<Tuple2<String, Long>>(){}}. */
public abstract class TypeHint<T> {
    public TypeInformation<T> getTypeInfo() {
        throw new UnsupportedOperationException("not built yet");
    }
}
