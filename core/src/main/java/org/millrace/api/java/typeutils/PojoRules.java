package org.millrace.api.java.typeutils;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * What makes a class a POJO, and its fields: a public, concrete, top-level or static nested class
 * with a public no-argument constructor, outside the JDK, whose non-static, non-transient fields
 * (including inherited ones) are non-final and each public or with a public getter and setter.
 * Rules that fail return a reason in the user's terms ("field 'x' is final").
 */
final class PojoRules {

    private PojoRules() {}

    /** The outcome of analysing the fields: either fields or a rejection. */
    static final class Result {
        final List<PojoField> fields;
        final String rejection;

        private Result(List<PojoField> fields, String rejection) {
            this.fields = fields;
            this.rejection = rejection;
        }
    }

    /** Why {@code c} can not be a POJO judging by the class alone, or null. */
    static String classRejection(Class<?> c) {
        String name = c.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return "it is a JDK class";
        }
        if (c.isInterface()) {
            return "it is an interface";
        }
        if (Modifier.isAbstract(c.getModifiers())) {
            return "it is abstract";
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            return "it is not public";
        }
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return "it is an anonymous or local class";
        }
        if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return "it is a non-static inner class";
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor";
        }
        return null;
    }

    /** The fields of {@code c} (with type variables bound through {@code full}), or a rejection. */
    static Result fields(Class<?> c, Type full, Function<Type, TypeInformation<?>> analyzer) {
        Method[] publicMethods = c.getMethods();
        List<PojoField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<TypeVariable<?>, Type> env = TypeResolution.bindingsOf(full, new HashMap<>());
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                String problem = fieldRejection(f, publicMethods);
                if (problem == null && !names.add(f.getName())) {
                    problem = "field '" + f.getName() + "' is declared twice in the class hierarchy";
                }
                if (problem != null) {
                    return new Result(null, problem);
                }
                TypeInformation<?> fieldType = analyzer.apply(TypeResolution.substitute(f.getGenericType(), env));
                try {
                    fields.add(new PojoField(f, fieldType));
                } catch (RuntimeException e) { // e.g. InaccessibleObjectException from a named module
                    return new Result(null, "field '" + f.getName() + "' is not accessible: " + e.getMessage());
                }
            }
            env = TypeResolution.bindingsOf(k.getGenericSuperclass(), env);
        }
        if (fields.isEmpty()) {
            return new Result(null, "it has no fields");
        }
        return new Result(fields, null);
    }

    private static String fieldRejection(Field f, Method[] publicMethods) {
        if (Modifier.isFinal(f.getModifiers())) {
            return "field '" + f.getName() + "' is final";
        }
        if (Modifier.isPublic(f.getModifiers())) {
            return null;
        }
        if (hasGetter(f, publicMethods) && hasSetter(f, publicMethods)) {
            return null;
        }
        return "field '" + f.getName() + "' is neither public nor has a public getter and setter";
    }

    private static boolean hasGetter(Field f, Method[] methods) {
        String cap = capitalize(f.getName());
        for (Method m : methods) {
            String n = m.getName();
            boolean named = n.equals("get" + cap) || n.equals(f.getName())
                    || (n.equals("is" + cap) && (f.getType() == boolean.class || f.getType() == Boolean.class));
            if (named && m.getParameterCount() == 0 && m.getReturnType() == f.getType()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSetter(Field f, Method[] methods) {
        String setter = "set" + capitalize(f.getName());
        for (Method m : methods) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == f.getType()) {
                return true;
            }
        }
        return false;
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
