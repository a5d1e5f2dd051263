package org.millrace.configuration;

import java.util.Objects;

/**
 * Another key under which an option's value may be found when its own key is absent. A deprecated
 * fallback key is an old name kept so existing configuration files keep working; reading a value
 * through it logs a warning that names the new key.
 */
public final class FallbackKey {

    private final String key;
    private final boolean deprecated;

    private FallbackKey(String key, boolean deprecated) {
        this.key = ConfigOptions.checkKey(key);
        this.deprecated = deprecated;
    }

    static FallbackKey fallback(String key) {
        return new FallbackKey(key, false);
    }

    static FallbackKey deprecated(String key) {
        return new FallbackKey(key, true);
    }

    public String key() {
        return key;
    }

    public boolean isDeprecated() {
        return deprecated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FallbackKey other && key.equals(other.key) && deprecated == other.deprecated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, deprecated);
    }

    @Override
    public String toString() {
        return (deprecated ? "deprecated key '" : "fallback key '") + key + "'";
    }
}
