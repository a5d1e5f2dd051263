package org.millrace.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.millrace.streaming.api.environment.ExecutionConfig;

/**
 * Program arguments as {@code --key value} pairs and {@code --flag}s, with Flink's
 * {@code ParameterTool} methods, so {@code ParameterTool.fromArgs(args)} in a ported Flink job keeps
 * working. A key may repeat ({@code --input a --input b}): {@link #get} returns the last value,
 * {@link #getMultiParameter} all of them in order. Usable as global job parameters.
 */
public final class ParameterTool extends ExecutionConfig.GlobalJobParameters {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, List<String>> values;

    private ParameterTool(LinkedHashMap<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses {@code --key value} / {@code -key value} / {@code --flag}. A token is a value, not a
     * key, if it does not start with '-' or is a number (so {@code --offset -5} works).
     *
     * @throws IllegalArgumentException if a value appears where a key is expected
     */
    public static ParameterTool fromArgs(String[] args) {
        LinkedHashMap<String, List<String>> values = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String token = args[i++];
            if (!isKey(token)) {
                throw new IllegalArgumentException("Expected an option like --input, got '" + token + "'");
            }
            String key = token.substring(token.startsWith("--") ? 2 : 1);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Option name missing in '" + token + "'");
            }
            List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
            if (i < args.length && !isKey(args[i])) {
                list.add(args[i++]);
            }
        }
        return new ParameterTool(values);
    }

    /** Parameters from a map (one value per key). */
    public static ParameterTool fromMap(Map<String, String> map) {
        LinkedHashMap<String, List<String>> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(k, new ArrayList<>(List.of(v))));
        return new ParameterTool(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int getNumberOfParameters() {
        return values.size();
    }

    /** The last value given for {@code key}, or null if the key is absent or a flag without value. */
    public String get(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    /** The value of {@code key}; throws naming the missing option if it was not given. */
    public String getRequired(String key) {
        String value = get(key);
        if (value == null) {
            throw new IllegalArgumentException("No value for the required option --" + key);
        }
        return value;
    }

    /** Every value given for {@code key}, in order; empty if absent. */
    public Collection<String> getMultiParameter(String key) {
        return Collections.unmodifiableList(values.getOrDefault(key, List.of()));
    }

    public Collection<String> getMultiParameterRequired(String key) {
        Collection<String> all = getMultiParameter(key);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No value for the required option --" + key);
        }
        return all;
    }

    public int getInt(String key) {
        return parse(key, getRequired(key), Integer::parseInt, "a whole number");
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : parse(key, value, Integer::parseInt, "a whole number");
    }

    public long getLong(String key) {
        return parse(key, getRequired(key), Long::parseLong, "a whole number");
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : parse(key, value, Long::parseLong, "a whole number");
    }

    public double getDouble(String key, double defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : parse(key, value, Double::parseDouble, "a number");
    }

    /** A flag given without a value counts as true. */
    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String value = get(key);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("--" + key + " expects true or false, got '" + value + "'");
    }

    /** Each key with its last value; a flag given without a value maps to the empty string. */
    @Override
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
        return map;
    }

    private static <N> N parse(String key, String value, Function<String, N> parser, String expected) {
        try {
            return parser.apply(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " expects " + expected + ", got '" + value + "'");
        }
    }

    private static boolean isKey(String token) {
        return token.length() > 1 && token.charAt(0) == '-' && !isNumber(token);
    }

    private static boolean isNumber(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
