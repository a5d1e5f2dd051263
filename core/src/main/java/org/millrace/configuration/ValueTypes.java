package org.millrace.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in {@link ValueType}s and the one canonical way to turn any stored value back into text
 * ({@link #toText}), so that {@link Configuration#toMap()}, the docs and error messages agree.
 */
final class ValueTypes {

    static final String LIST_SEPARATOR = ";";

    static final ValueType<Integer> INT =
            scalar(Integer.class, "Integer", "an integer (e.g. 4)", s -> Integer.parseInt(s.strip()));
    static final ValueType<Long> LONG =
            scalar(Long.class, "Long", "an integer (e.g. 1000)", s -> Long.parseLong(s.strip()));
    static final ValueType<Double> DOUBLE =
            scalar(Double.class, "Double", "a number (e.g. 0.5)", ValueTypes::parseDouble);
    static final ValueType<Boolean> BOOLEAN =
            scalar(Boolean.class, "Boolean", "true or false", ValueTypes::parseBoolean);
    static final ValueType<String> STRING = scalar(String.class, "String", "a string", s -> s);
    static final ValueType<Duration> DURATION = scalar(
            Duration.class, "Duration", "a duration like '100 ms', '10 s' or '1 min'", Durations::parse);
    static final ValueType<MemorySize> MEMORY =
            scalar(MemorySize.class, "MemorySize", "a memory size like '64 mb' or '1 gb'", MemorySize::parse);
    static final ValueType<Map<String, String>> MAP = new MapType();

    private ValueTypes() {}

    static <E extends Enum<E>> ValueType<E> enumType(Class<E> enumClass) {
        return new EnumType<>(enumClass);
    }

    static <E> ValueType<List<E>> listOf(ValueType<E> elementType) {
        return new ListType<>(elementType);
    }

    /** The textual form of a stored value; parsing it with the matching type gives the value back. */
    static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        } else if (value instanceof Duration d) {
            return Durations.format(d);
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof List<?> list) {
            return list.stream().map(ValueTypes::toText).collect(Collectors.joining(LIST_SEPARATOR));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(toText(k), toText(v)));
            return sorted.entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static double parseDouble(String text) {
        double d = Double.parseDouble(text.strip());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + text);
        }
        return d;
    }

    private static boolean parseBoolean(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("true")) {
            return true;
        } else if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + text);
    }

    private static <T> ValueType<T> scalar(Class<T> cls, String typeName, String expected, Function<String, T> parser) {
        return new ScalarType<>(cls, typeName, expected, parser);
    }

    /** A type parsed by one function; instances are singletons, so identity equality suffices. */
    private static final class ScalarType<T> extends ValueType<T> {
        private final Class<T> cls;
        private final String typeName;
        private final String expected;
        private final Function<String, T> parser;

        ScalarType(Class<T> cls, String typeName, String expected, Function<String, T> parser) {
            this.cls = cls;
            this.typeName = typeName;
            this.expected = expected;
            this.parser = parser;
        }

        @Override
        T parse(String text) {
            return parser.apply(text);
        }

        @Override
        T castIfInstance(Object raw) {
            return cls.isInstance(raw) ? cls.cast(raw) : null;
        }

        @Override
        String expectedForm() {
            return expected;
        }

        @Override
        String typeName() {
            return typeName;
        }
    }

    /** Enum constants by name, ignoring case. */
    private static final class EnumType<E extends Enum<E>> extends ValueType<E> {
        private final Class<E> enumClass;

        EnumType(Class<E> enumClass) {
            this.enumClass = enumClass;
        }

        @Override
        E parse(String text) {
            String name = text.strip();
            for (E constant : enumClass.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(name)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("no constant " + text + " in " + enumClass.getName());
        }

        @Override
        E castIfInstance(Object raw) {
            return enumClass.isInstance(raw) ? enumClass.cast(raw) : null;
        }

        @Override
        String expectedForm() {
            return "one of " + Arrays.toString(enumClass.getEnumConstants());
        }

        @Override
        String typeName() {
            return "Enum";
        }

        @Override
        String docsNote() {
            return "Possible values: " + Arrays.toString(enumClass.getEnumConstants()) + ".";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EnumType<?> other && enumClass == other.enumClass;
        }

        @Override
        public int hashCode() {
            return enumClass.hashCode();
        }
    }

    /** Elements separated by {@code ';'}; the empty string is the empty list. */
    private static final class ListType<E> extends ValueType<List<E>> {
        private final ValueType<E> elementType;

        ListType(ValueType<E> elementType) {
            this.elementType = elementType;
        }

        @Override
        List<E> parse(String text) {
            if (text.isBlank()) {
                return List.of();
            }
            List<E> result = new ArrayList<>();
            for (String element : text.split(LIST_SEPARATOR, -1)) {
                result.add(elementType.parse(element.strip()));
            }
            return Collections.unmodifiableList(result);
        }

        @Override
        List<E> convert(Object raw) {
            if (raw instanceof List<?> list) {
                List<E> result = new ArrayList<>(list.size());
                for (Object element : list) {
                    result.add(elementType.convert(element));
                }
                return Collections.unmodifiableList(result);
            }
            return super.convert(raw);
        }

        @Override
        List<E> castIfInstance(Object raw) {
            return null; // lists are converted element by element in convert()
        }

        @Override
        String expectedForm() {
            return "a list separated by '" + LIST_SEPARATOR + "' of " + elementType.expectedForm();
        }

        @Override
        String typeName() {
            return "List<" + elementType.typeName() + ">";
        }

        @Override
        String docsNote() {
            return elementType.docsNote();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ListType<?> other && elementType.equals(other.elementType);
        }

        @Override
        public int hashCode() {
            return 31 * elementType.hashCode() + 1;
        }
    }

    /** Entries {@code key:value} separated by {@code ','}; the empty string is the empty map. */
    private static final class MapType extends ValueType<Map<String, String>> {

        @Override
        Map<String, String> parse(String text) {
            Map<String, String> result = new LinkedHashMap<>();
            if (text.isBlank()) {
                return result;
            }
            for (String entry : text.split(",", -1)) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("map entry without 'key:value': " + entry);
                }
                result.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
            }
            return result;
        }

        @Override
        Map<String, String> convert(Object raw) {
            if (raw instanceof Map<?, ?> map) {
                Map<String, String> result = new LinkedHashMap<>();
                map.forEach((k, v) -> result.put(toText(k), toText(v)));
                return result;
            }
            return super.convert(raw);
        }

        @Override
        Map<String, String> castIfInstance(Object raw) {
            return null; // maps are copied entry by entry in convert()
        }

        @Override
        String expectedForm() {
            return "a map like 'key1:value1,key2:value2'";
        }

        @Override
        String typeName() {
            return "Map";
        }
    }
}
