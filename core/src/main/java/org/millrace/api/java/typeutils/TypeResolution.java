package org.millrace.api.java.typeutils;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generic-type plumbing for the type extractor: which type arguments a class (or a parameterized
 * type) passes to a given generic superclass or interface, found by walking the hierarchy and
 * substituting type variables on the way. Variables that nothing binds (lambdas, raw types, a
 * generic function instantiated without a subclass) are returned as {@link TypeVariable}s.
 */
final class TypeResolution {

    private TypeResolution() {}

    /** The class behind a Class or ParameterizedType; null for variables and wildcards. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        return null;
    }

    /**
     * The type arguments that {@code start} passes to {@code base}, in {@code base}'s declaration
     * order, or null if {@code start} is not a subtype of {@code base}.
     */
    static Type[] typeArgumentsOf(Type start, Class<?> base) {
        Class<?> raw = rawClass(start);
        if (raw == null || !base.isAssignableFrom(raw)) {
            return null;
        }
        Map<TypeVariable<?>, Type> env = new HashMap<>();
        if (start instanceof ParameterizedType) {
            bind(raw, ((ParameterizedType) start).getActualTypeArguments(), new HashMap<>(), env);
        }
        return walk(raw, base, env);
    }

    /** Bindings for the type variables of {@code superType}'s class, given the variables bound in {@code env}. */
    static Map<TypeVariable<?>, Type> bindingsOf(Type superType, Map<TypeVariable<?>, Type> env) {
        Map<TypeVariable<?>, Type> result = new HashMap<>();
        if (superType instanceof ParameterizedType) {
            bind(rawClass(superType), ((ParameterizedType) superType).getActualTypeArguments(), env, result);
        }
        return result;
    }

    private static void bind(Class<?> raw, Type[] actual, Map<TypeVariable<?>, Type> env, Map<TypeVariable<?>, Type> out) {
        TypeVariable<?>[] params = raw.getTypeParameters();
        for (int i = 0; i < params.length && i < actual.length; i++) {
            out.put(params[i], substitute(actual[i], env));
        }
    }

    private static Type[] walk(Class<?> clazz, Class<?> base, Map<TypeVariable<?>, Type> env) {
        if (clazz == base) {
            TypeVariable<?>[] params = base.getTypeParameters();
            Type[] result = new Type[params.length];
            for (int i = 0; i < params.length; i++) {
                result[i] = substitute(params[i], env);
            }
            return result;
        }
        List<Type> supertypes = new ArrayList<>();
        if (clazz.getGenericSuperclass() != null) {
            supertypes.add(clazz.getGenericSuperclass());
        }
        supertypes.addAll(Arrays.asList(clazz.getGenericInterfaces()));
        for (Type supertype : supertypes) {
            Class<?> raw = rawClass(supertype);
            if (raw != null && base.isAssignableFrom(raw)) {
                return walk(raw, base, bindingsOf(supertype, env));
            }
        }
        return null;
    }

    /** {@code type} with every variable bound in {@code env} replaced by its binding. */
    static Type substitute(Type type, Map<TypeVariable<?>, Type> env) {
        if (type instanceof TypeVariable) {
            Type bound = env.get(type);
            return bound != null ? bound : type;
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] args = p.getActualTypeArguments();
            Type[] substituted = new Type[args.length];
            boolean changed = false;
            for (int i = 0; i < args.length; i++) {
                substituted[i] = substitute(args[i], env);
                changed |= substituted[i] != args[i];
            }
            return changed ? new ResolvedParameterizedType((Class<?>) p.getRawType(), substituted, p.getOwnerType()) : p;
        }
        if (type instanceof GenericArrayType) {
            Type component = ((GenericArrayType) type).getGenericComponentType();
            Type substituted = substitute(component, env);
            if (substituted == component) {
                return type;
            }
            if (substituted instanceof Class) {
                return Array.newInstance((Class<?>) substituted, 0).getClass();
            }
            return new ResolvedGenericArrayType(substituted);
        }
        return type;
    }

    /** A parameterized type built during substitution. */
    private static final class ResolvedParameterizedType implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] args;
        private final Type owner;

        ResolvedParameterizedType(Class<?> raw, Type[] args, Type owner) {
            this.raw = raw;
            this.args = args;
            this.owner = owner;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType
                    && raw.equals(((ParameterizedType) o).getRawType())
                    && Arrays.equals(args, ((ParameterizedType) o).getActualTypeArguments())
                    && Objects.equals(owner, ((ParameterizedType) o).getOwnerType());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
            }
            return sb.append('>').toString();
        }
    }

    /** A generic array type built during substitution. */
    private static final class ResolvedGenericArrayType implements GenericArrayType {
        private final Type component;

        ResolvedGenericArrayType(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType && component.equals(((GenericArrayType) o).getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
