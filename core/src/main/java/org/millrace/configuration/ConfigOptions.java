package org.millrace.configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fluent entry point for declaring a {@link ConfigOption}:
 *
 * <pre>{@code
 * ConfigOption<Integer> SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
 *         .intType()
 *         .defaultValue(1)
 *         .withDescription("Number of parallel subtasks one TaskManager runs.");
 * }</pre>
 *
 * The three steps (key, type, default) are separate builder types so an option cannot be built
 * without a type, and the compiler checks that the default matches it.
 */
public final class ConfigOptions {

    private ConfigOptions() {}

    /** Starts an option with the given key, e.g. {@code "parallelism.default"}. */
    public static OptionBuilder key(String key) {
        return new OptionBuilder(checkKey(key));
    }

    static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || !key.strip().equals(key) || key.contains(" ")) {
            throw new IllegalArgumentException("A configuration key must be non-empty without spaces: '" + key + "'");
        }
        return key;
    }

    /** Second step: chooses the value type. */
    public static final class OptionBuilder {
        private final String key;

        private OptionBuilder(String key) {
            this.key = key;
        }

        public TypedConfigOptionBuilder<Integer> intType() {
            return typed(ValueTypes.INT);
        }

        public TypedConfigOptionBuilder<Long> longType() {
            return typed(ValueTypes.LONG);
        }

        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return typed(ValueTypes.BOOLEAN);
        }

        public TypedConfigOptionBuilder<Double> doubleType() {
            return typed(ValueTypes.DOUBLE);
        }

        public TypedConfigOptionBuilder<String> stringType() {
            return typed(ValueTypes.STRING);
        }

        /** Durations written like {@code "100 ms"}, {@code "10 s"}, {@code "1 min"}; a bare number is milliseconds. */
        public TypedConfigOptionBuilder<Duration> durationType() {
            return typed(ValueTypes.DURATION);
        }

        /** Memory sizes written like {@code "32 kb"}, {@code "64mb"}, {@code "1g"}; a bare number is bytes. */
        public TypedConfigOptionBuilder<MemorySize> memoryType() {
            return typed(ValueTypes.MEMORY);
        }

        /** Enum constants, matched by name ignoring case. */
        public <E extends Enum<E>> TypedConfigOptionBuilder<E> enumType(Class<E> enumClass) {
            return typed(ValueTypes.enumType(enumClass));
        }

        /** String-to-string maps written like {@code "k1:v1,k2:v2"}. */
        public TypedConfigOptionBuilder<Map<String, String>> mapType() {
            return typed(ValueTypes.MAP);
        }

        private <T> TypedConfigOptionBuilder<T> typed(ValueType<T> type) {
            return new TypedConfigOptionBuilder<>(key, type);
        }
    }

    /** Third step: the default value, or none; or {@link #asList()} for a list of this type. */
    public static final class TypedConfigOptionBuilder<T> {
        private final String key;
        private final ValueType<T> type;

        private TypedConfigOptionBuilder(String key, ValueType<T> type) {
            this.key = key;
            this.type = type;
        }

        /** Values separated by {@code ';'}, e.g. {@code "a;b;c"}. */
        public ListConfigOptionBuilder<T> asList() {
            return new ListConfigOptionBuilder<>(key, ValueTypes.listOf(type));
        }

        public ConfigOption<T> defaultValue(T value) {
            Objects.requireNonNull(value, () -> "default of '" + key + "' is null; use noDefaultValue()");
            return new ConfigOption<>(key, type, value, "", List.of());
        }

        /** An option whose absence means "not set"; {@link Configuration#get} then returns {@code null}. */
        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of());
        }
    }

    /** Third step for list-valued options. */
    public static final class ListConfigOptionBuilder<E> {
        private final String key;
        private final ValueType<List<E>> type;

        private ListConfigOptionBuilder(String key, ValueType<List<E>> type) {
            this.key = key;
            this.type = type;
        }

        @SafeVarargs
        public final ConfigOption<List<E>> defaultValues(E... values) {
            return new ConfigOption<>(key, type, List.copyOf(Arrays.asList(values)), "", List.of());
        }

        public ConfigOption<List<E>> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of());
        }
    }
}
