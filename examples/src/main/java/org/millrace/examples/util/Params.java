package org.millrace.examples.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The examples' command-line arguments: {@code --key value} pairs and {@code --flag}s, in the
 * style of Flink's {@code ParameterTool} (which Millrace's core does not offer yet; switch to it
 * once it does). A key may be repeated ({@code --input a --input b}); {@link #get} returns the
 * last value, {@link #getAll} every value in order.
 */
public final class Params {

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses {@code --key value} / {@code -key value} / {@code --flag}. A token is a value, not a
     * key, if it does not start with '-' or is a negative number.
     *
     * @throws IllegalArgumentException if a value appears where a key is expected
     */
    public static Params fromArgs(String[] args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
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
        return new Params(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
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

    /** Every value given for {@code key}, in order; empty if absent. */
    public List<String> getAll(String key) {
        return Collections.unmodifiableList(values.getOrDefault(key, List.of()));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : parse(key, value, Integer::parseInt);
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : parse(key, value, Long::parseLong);
    }

    private static <N> N parse(String key, String value, Function<String, N> parser) {
        try {
            return parser.apply(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " expects a whole number, got '" + value + "'");
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
