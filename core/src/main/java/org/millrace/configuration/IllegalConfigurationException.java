package org.millrace.configuration;

/**
 * Thrown when a configuration value cannot be used: it does not parse as the option's type, or a
 * configuration file is malformed. The message always names the key (or file and line), the bad
 * value and the form that was expected, so a user can fix it without reading code.
 */
public class IllegalConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard message for a value that does not have the form its option expects. */
    static IllegalConfigurationException invalidValue(String key, String value, String expected) {
        return new IllegalConfigurationException(
                "Invalid value '" + value + "' for configuration key '" + key + "': expected " + expected);
    }
}
