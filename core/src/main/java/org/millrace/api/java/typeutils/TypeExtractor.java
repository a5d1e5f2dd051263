package org.millrace.api.java.typeutils;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.functions.Function;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.types.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives {@link TypeInformation} from classes, objects and user functions when the graph is built.
 *
 * <p>Classes map to: basic types (String, boxed primitives, BigInteger/BigDecimal, Date, Instant),
 * primitive and object arrays, tuples (field types from the generic arguments), enums, Avro
 * generated classes, POJOs, and otherwise Kryo ({@link GenericTypeInfo}, logged once per class).
 * {@code Object} and {@link Row} without declared field types become {@link DynamicTypeInfo}.
 *
 * <p>Pitfall: Java erases generics, so a raw tuple class ({@code Tuple2.class}) or a lambda's
 * result says nothing about its fields. Classes fail with a message asking for a
 * {@link org.millrace.api.common.typeinfo.TypeHint}; function results fall back to
 * {@link DynamicTypeInfo} (correct, but with a tag per value) unless declared with {@code returns}.
 */
public final class TypeExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(TypeExtractor.class);
    private static final Set<String> LOGGED_DYNAMIC_FUNCTIONS = ConcurrentHashMap.newKeySet();

    private TypeExtractor() {}

    /**
     * The output type of a one-input user function: resolves type argument
     * {@code outputTypeArgumentIndex} of {@code baseClass} (an interface such as MapFunction, or an
     * abstract class such as ProcessFunction) as implemented by {@code function}'s class, binding
     * type variables that stand for the input to {@code inType} where possible. If the type cannot
     * be determined (lambdas, erased generics), returns a {@link DynamicTypeInfo} and logs once at
     * INFO naming {@code functionName}. Functions implementing {@link ResultTypeQueryable} are asked.
     */
    @SuppressWarnings("unchecked")
    public static <OUT> TypeInformation<OUT> getUnaryOperatorReturnType(
            Function function, Class<?> baseClass, int inputTypeArgumentIndex, int outputTypeArgumentIndex,
            TypeInformation<?> inType, String functionName) {
        if (function instanceof ResultTypeQueryable) {
            return ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        Type[] args = TypeResolution.typeArgumentsOf(function.getClass(), baseClass);
        if (args != null && outputTypeArgumentIndex >= 0 && outputTypeArgumentIndex < args.length) {
            Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
            if (inType != null && inputTypeArgumentIndex >= 0 && inputTypeArgumentIndex < args.length) {
                bindInput(args[inputTypeArgumentIndex], inType, bindings);
            }
            try {
                return (TypeInformation<OUT>) new TypeAnalyzer(bindings).analyze(args[outputTypeArgumentIndex]);
            } catch (UnresolvedTypeException e) {
                // fall through: erased
            }
        }
        if (LOGGED_DYNAMIC_FUNCTIONS.add(function.getClass().getName())) {
            LOG.info("Could not determine the output type of {} (a lambda or generic function); records will be "
                    + "serialized with run-time type tags. Call .returns(...) to declare the type.", functionName);
        }
        return new DynamicTypeInfo<>();
    }

    /**
     * Type information for a class. Never fails for ordinary classes (unknown classes become
     * Kryo-backed generic types, with a log line), but raw tuple classes are rejected with an
     * {@link InvalidProgramException}: their field types are erased, declare them with a TypeHint.
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        return (TypeInformation<T>) createTypeInfo((Type) type);
    }

    /**
     * Type information for a reflective type, e.g. the {@code Tuple2<String, Integer>} captured by a
     * {@link org.millrace.api.common.typeinfo.TypeHint}. Fails with an
     * {@link InvalidProgramException} if a tuple's field types are type variables or missing.
     */
    public static TypeInformation<?> createTypeInfo(Type type) {
        try {
            return new TypeAnalyzer(Collections.emptyMap()).analyze(type);
        } catch (UnresolvedTypeException e) {
            throw new InvalidProgramException("Cannot determine the type information of " + type.getTypeName()
                    + ": the type of '" + e.getMessage() + "' is erased by Java generics. Declare the full type with a "
                    + "TypeHint, e.g. TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}), or with "
                    + "Types.TUPLE(Types.STRING, Types.INT).");
        }
    }

    /** Type information for the runtime class of {@code value}, looking into tuples' and rows' fields. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<T> getForObject(T value) {
        if (value == null) {
            return new DynamicTypeInfo<>();
        }
        if (value instanceof Tuple) {
            Tuple tuple = (Tuple) value;
            TypeInformation<?>[] fieldTypes = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fieldTypes.length; i++) {
                fieldTypes[i] = getForObject(tuple.getField(i));
            }
            return new TupleTypeInfo(value.getClass(), fieldTypes);
        }
        if (value instanceof Row) {
            Row row = (Row) value;
            TypeInformation<?>[] fieldTypes = new TypeInformation<?>[row.getArity()];
            for (int i = 0; i < fieldTypes.length; i++) {
                fieldTypes[i] = getForObject(row.getField(i));
            }
            return (TypeInformation<T>) new RowTypeInfo(fieldTypes);
        }
        return createTypeInfo((Class<T>) value.getClass());
    }

    /** Binds the type variables in {@code declared} (a function's input type argument) to parts of {@code actual}. */
    private static void bindInput(Type declared, TypeInformation<?> actual, Map<TypeVariable<?>, TypeInformation<?>> out) {
        if (declared instanceof TypeVariable) {
            out.putIfAbsent((TypeVariable<?>) declared, actual);
        } else if (declared instanceof ParameterizedType) {
            Class<?> raw = TypeResolution.rawClass(declared);
            Type[] args = ((ParameterizedType) declared).getActualTypeArguments();
            if (actual instanceof TupleTypeInfo && Tuple.class.isAssignableFrom(raw)) {
                Type[] fieldTypes = TypeResolution.typeArgumentsOf(declared, Tuple.getTupleClass(actual.getArity()));
                for (int i = 0; fieldTypes != null && i < fieldTypes.length; i++) {
                    bindInput(fieldTypes[i], ((TupleTypeInfo<?>) actual).getTypeAt(i), out);
                }
            } else if (actual instanceof ListTypeInfo && raw == List.class) {
                bindInput(args[0], ((ListTypeInfo<?>) actual).getElementTypeInfo(), out);
            } else if (actual instanceof MapTypeInfo && raw == Map.class) {
                bindInput(args[0], ((MapTypeInfo<?, ?>) actual).getKeyTypeInfo(), out);
                bindInput(args[1], ((MapTypeInfo<?, ?>) actual).getValueTypeInfo(), out);
            }
        } else if (declared instanceof GenericArrayType && actual instanceof ObjectArrayTypeInfo) {
            bindInput(((GenericArrayType) declared).getGenericComponentType(),
                    ((ObjectArrayTypeInfo<?, ?>) actual).getComponentInfo(), out);
        }
    }
}
