package org.millrace.api.java.typeutils;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.common.typeinfo.BasicArrayTypeInfo;
import org.millrace.api.common.typeinfo.BasicTypeInfo;
import org.millrace.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.types.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of type analysis: turns a reflective {@link Type} into {@link TypeInformation}, with
 * type variables bound either to types (while walking class hierarchies) or to type information
 * (the input types of a function). Unbound variables raise {@link UnresolvedTypeException}.
 * Classes that are neither basic, arrays, tuples, rows, enums, Avro records nor POJOs fall back to
 * Kryo, with one INFO line per class.
 */
final class TypeAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(TypeExtractor.class);
    private static final Set<Class<?>> LOGGED_KRYO_FALLBACKS = ConcurrentHashMap.newKeySet();

    private final Map<TypeVariable<?>, TypeInformation<?>> inputBindings;
    /** POJO classes being analysed, to stop at recursive types. */
    private final Set<Class<?>> inProgress = new HashSet<>();

    TypeAnalyzer(Map<TypeVariable<?>, TypeInformation<?>> inputBindings) {
        this.inputBindings = inputBindings;
    }

    TypeInformation<?> analyze(Type type) {
        if (type instanceof Class) {
            return analyzeClass((Class<?>) type, type);
        }
        if (type instanceof ParameterizedType) {
            return analyzeClass(TypeResolution.rawClass(type), type);
        }
        if (type instanceof GenericArrayType) {
            return arrayOf(analyze(((GenericArrayType) type).getGenericComponentType()));
        }
        if (type instanceof TypeVariable) {
            TypeInformation<?> bound = inputBindings.get(type);
            if (bound != null) {
                return bound;
            }
        }
        throw new UnresolvedTypeException(type.getTypeName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeClass(Class<?> c, Type full) {
        BasicTypeInfo<?> basic = BasicTypeInfo.getInfoFor(c);
        if (basic != null) {
            return basic;
        }
        if (c.isArray()) {
            PrimitiveArrayTypeInfo<?> primitiveArray = PrimitiveArrayTypeInfo.getInfoFor(c);
            return primitiveArray != null ? primitiveArray : arrayOf(analyze(c.getComponentType()));
        }
        if (Tuple.class.isAssignableFrom(c)) {
            return analyzeTuple(c, full);
        }
        if (c == Row.class || c == Object.class) {
            return new DynamicTypeInfo<>();
        }
        if ((c == List.class || c == Map.class) && full instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) full).getActualTypeArguments();
            return c == List.class
                    ? new ListTypeInfo<>(analyzeOrDynamic(args[0]))
                    : new MapTypeInfo<>(analyzeOrDynamic(args[0]), analyzeOrDynamic(args[1]));
        }
        if (Enum.class.isAssignableFrom(c) && c != Enum.class) {
            return new EnumTypeInfo(c.isEnum() ? c : c.getSuperclass());
        }
        if (SpecificRecord.class.isAssignableFrom(c) && isInstantiable(c)) {
            return new AvroTypeInfo(c);
        }
        if (GenericRecord.class.isAssignableFrom(c)) {
            return kryo(c, "an Avro GenericRecord needs its schema: declare the type with "
                    + "new GenericRecordAvroTypeInfo(schema)");
        }
        return analyzePojo(c, full);
    }

    private TypeInformation<?> analyzeOrDynamic(Type type) {
        try {
            return analyze(type);
        } catch (UnresolvedTypeException e) {
            return new DynamicTypeInfo<>();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeTuple(Class<?> c, Type full) {
        Class<?> tupleBase = c;
        while (tupleBase != null && tupleBase.getSuperclass() != Tuple.class) {
            tupleBase = tupleBase.getSuperclass();
        }
        if (tupleBase == null || !isInstantiable(c)) {
            throw new UnresolvedTypeException(c.getName());
        }
        Type[] args = TypeResolution.typeArgumentsOf(full, tupleBase);
        TypeInformation<?>[] fieldTypes = new TypeInformation<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            fieldTypes[i] = analyze(args[i]);
        }
        return new TupleTypeInfo(c, fieldTypes);
    }

    private static TypeInformation<?> arrayOf(TypeInformation<?> component) {
        if (component instanceof BasicTypeInfo) {
            return BasicArrayTypeInfo.of((BasicTypeInfo<?>) component);
        }
        return ObjectArrayTypeInfo.getInfoFor(component);
    }

    private static boolean isInstantiable(Class<?> c) {
        return !c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzePojo(Class<?> c, Type full) {
        String rejection = PojoRules.classRejection(c);
        if (rejection != null) {
            return kryo(c, rejection);
        }
        if (!inProgress.add(c)) {
            return kryo(c, "it contains itself recursively");
        }
        try {
            PojoRules.Result result = PojoRules.fields(c, full, this::analyzeOrDynamic);
            if (result.rejection != null) {
                return kryo(c, result.rejection);
            }
            return new PojoTypeInfo(c, result.fields);
        } finally {
            inProgress.remove(c);
        }
    }

    /** Kryo-backed type information for {@code c}, logging why once per class. */
    static <T> GenericTypeInfo<T> kryo(Class<T> c, String reason) {
        if (LOGGED_KRYO_FALLBACKS.add(c)) {
            LOG.info("Class {} cannot be used as a POJO type ({}) and will be serialized with Kryo", c.getName(), reason);
        }
        return new GenericTypeInfo<>(c);
    }
}
