package org.millrace.api.java.typeutils;

import org.millrace.api.common.functions.Function;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Derives {@link TypeInformation} from classes, objects and user functions when the graph is built.
 * (Skeleton: the type-system work fills this in.)
 */
public final class TypeExtractor {

    private TypeExtractor() {}

    /**
     * The output type of a one-input user function: resolves type argument
     * {@code outputTypeArgumentIndex} of {@code baseClass} (an interface such as MapFunction, or an
     * abstract class such as ProcessFunction) as implemented by {@code function}'s class, binding
     * type variables that stand for the input to {@code inType} where possible. If the type cannot
     * be determined (lambdas, erased generics), returns a {@link DynamicTypeInfo} and logs once at
     * INFO naming {@code functionName}.
     */
    public static <OUT> TypeInformation<OUT> getUnaryOperatorReturnType(
            Function function, Class<?> baseClass, int inputTypeArgumentIndex, int outputTypeArgumentIndex,
            TypeInformation<?> inType, String functionName) {
        throw new UnsupportedOperationException("type extraction not built yet");
    }

    /** Type information for a class (never fails: unknown classes become Kryo-backed generic types, with a log line). */
    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        throw new UnsupportedOperationException("type extraction not built yet");
    }

    /** Type information for the runtime class of {@code value}, looking into tuples' and rows' fields. */
    public static <T> TypeInformation<T> getForObject(T value) {
        throw new UnsupportedOperationException("type extraction not built yet");
    }
}
