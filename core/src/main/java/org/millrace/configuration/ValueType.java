package org.millrace.configuration;

/**
 * How one option type is read from and written to text. {@link #parse} throws
 * {@link IllegalArgumentException} (or {@link ArithmeticException} on overflow) for text of the wrong
 * form; {@link Configuration} turns that into an {@link IllegalConfigurationException} naming the key,
 * the value and {@link #expectedForm()}.
 */
abstract class ValueType<T> {

    /** Parses the textual form, as found in a configuration file or a {@code -D} property. */
    abstract T parse(String text);

    /** Converts a stored value, which is either text or an object set through a typed option. */
    T convert(Object raw) {
        if (raw instanceof String text) {
            return parse(text);
        }
        T typed = castIfInstance(raw);
        return typed != null ? typed : parse(ValueTypes.toText(raw));
    }

    /** {@code raw} as a T if it already is one, else null. */
    abstract T castIfInstance(Object raw);

    /** Completes "expected ...", e.g. "an integer (e.g. 4)". */
    abstract String expectedForm();

    /** The type as shown in the docs table, e.g. "Integer". */
    abstract String typeName();

    /** Extra sentence for the docs, e.g. the allowed enum constants; empty if none. */
    String docsNote() {
        return "";
    }
}
