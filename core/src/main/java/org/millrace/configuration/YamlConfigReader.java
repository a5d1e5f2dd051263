package org.millrace.configuration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the subset of YAML that Flink configuration files use: {@code key: value} lines, {@code #}
 * comments, blank lines, single- or double-quoted values, and nested sections (as in Flink's newer
 * {@code config.yaml}) which are flattened into dotted keys:
 *
 * <pre>
 * taskmanager:                    is read as   taskmanager.numberOfTaskSlots = 4
 *   numberOfTaskSlots: 4
 * </pre>
 *
 * Anything else (a line without {@code ": "}, a section without entries, an unterminated quote,
 * YAML lists) fails with the file name and line number. Values stay text; their types are checked
 * when read through a {@link ConfigOption}.
 *
 * <p>Pitfall: a {@code #} starts a comment only at the start of a line or after whitespace, so
 * {@code url: http://host/#anchor} keeps its anchor; quote a value to keep {@code " #"} in it.
 */
final class YamlConfigReader {

    private static final Logger LOG = LoggerFactory.getLogger(YamlConfigReader.class);

    /** An open {@code key:} line whose entries follow, indented deeper. */
    private static final class Section {
        final int indent;
        final String key;
        final int line;
        boolean hasEntries;

        Section(int indent, String key, int line) {
            this.indent = indent;
            this.key = key;
            this.line = line;
        }
    }

    private final String fileName;
    private final Deque<Section> sections = new ArrayDeque<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private YamlConfigReader(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Flattens the lines into key/value texts in file order; a repeated key keeps its last value.
     *
     * @param fileName named in error messages
     */
    static Map<String, String> read(List<String> lines, String fileName) {
        YamlConfigReader reader = new YamlConfigReader(fileName);
        for (int i = 0; i < lines.size(); i++) {
            reader.readLine(lines.get(i), i + 1);
        }
        reader.closeSectionsDeeperOrEqual(-1);
        return reader.values;
    }

    private void readLine(String line, int lineNumber) {
        String content = stripComment(line);
        if (content.isBlank()) {
            return;
        }
        int indent = 0;
        while (content.charAt(indent) == ' ') {
            indent++;
        }
        if (content.charAt(indent) == '\t') {
            throw malformed(lineNumber, "tabs are not allowed for indentation; use spaces");
        }
        String text = content.strip();
        if (text.equals("-") || text.startsWith("- ")) {
            throw malformed(lineNumber, "YAML lists are not supported; write the values on one line separated by ';'");
        }
        int separator = findSeparator(text);
        if (separator <= 0) {
            throw malformed(lineNumber, "expected 'key: value' (with a space after the colon) but found '" + text + "'");
        }
        String key = unquote(text.substring(0, separator).strip(), lineNumber);
        String value = text.substring(separator + 1).strip();

        closeSectionsDeeperOrEqual(indent);
        Section parent = sections.peek();
        String fullKey = parent == null ? key : parent.key + "." + key;
        if (parent != null) {
            parent.hasEntries = true;
        }
        if (value.isEmpty()) {
            sections.push(new Section(indent, fullKey, lineNumber));
        } else {
            String previous = values.put(fullKey, unquote(value, lineNumber));
            if (previous != null) {
                LOG.warn("Configuration key '{}' appears more than once in {}; line {} wins.", fullKey, fileName, lineNumber);
            }
        }
    }

    private void closeSectionsDeeperOrEqual(int indent) {
        while (!sections.isEmpty() && sections.peek().indent >= indent) {
            Section closed = sections.pop();
            if (!closed.hasEntries) {
                throw malformed(closed.line, "no value for key '" + closed.key + "'");
            }
        }
    }

    /**
     * The line without its comment: a '#' at the start or after whitespace, outside a quoted value.
     * A quote opens only at the start of a word, so the apostrophe in {@code it's} is plain text.
     */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Index of the first ':' that is followed by a space or ends the text, outside quotes; -1 if none. */
    private static int findSeparator(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == 0) {
                quote = c;
            } else if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private String unquote(String text, int lineNumber) {
        char first = text.charAt(0);
        if (first != '"' && first != '\'') {
            return text;
        }
        if (text.length() < 2 || text.charAt(text.length() - 1) != first) {
            throw malformed(lineNumber, "unterminated quote in '" + text + "'");
        }
        String inner = text.substring(1, text.length() - 1);
        return first == '\'' ? unescapeSingleQuoted(inner, lineNumber) : unescapeDoubleQuoted(inner, lineNumber);
    }

    private String unescapeSingleQuoted(String inner, int lineNumber) {
        if (inner.replace("''", "").contains("'")) {
            throw malformed(lineNumber, "a ' inside a single-quoted value must be doubled ('')");
        }
        return inner.replace("''", "'");
    }

    private String unescapeDoubleQuoted(String inner, int lineNumber) {
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') {
                throw malformed(lineNumber, "a \" inside a double-quoted value must be escaped as \\\"");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == inner.length()) {
                throw malformed(lineNumber, "a double-quoted value ends with a lone backslash");
            }
            char escaped = inner.charAt(i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '"', '\\', '/' -> out.append(escaped);
                default -> throw malformed(lineNumber, "unsupported escape \\" + escaped + " in a double-quoted value");
            }
        }
        return out.toString();
    }

    private IllegalConfigurationException malformed(int lineNumber, String problem) {
        return new IllegalConfigurationException("Malformed line " + lineNumber + " in " + fileName + ": " + problem);
    }
}
