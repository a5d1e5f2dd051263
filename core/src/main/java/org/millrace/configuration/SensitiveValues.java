package org.millrace.configuration;

import java.util.List;
import java.util.Locale;

/** Decides which values must not appear in logs or {@code toString()} (passwords, secrets, tokens). */
final class SensitiveValues {

    static final String HIDDEN = "******";

    private static final List<String> SENSITIVE_KEY_PARTS =
            List.of("password", "secret", "token", "apikey", "api-key", "jaas.config", "account.key", "credential");

    private SensitiveValues() {}

    static boolean isSensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SENSITIVE_KEY_PARTS.stream().anyMatch(lower::contains);
    }

    static String forDisplay(String key, String value) {
        return isSensitive(key) ? HIDDEN : value;
    }
}
