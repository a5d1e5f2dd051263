package org.millrace.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expected output of the WordCount example, computed here without Millrace's tokenizer, and
 * the counts read back from its output files, so a wrong, missing or doubled count anywhere fails
 * a test. Shared with the dist and flink-yarn tests through this module's test jar.
 */
public final class WordCounts {

    private static final Pattern RESULT_LINE = Pattern.compile("\\(([a-z0-9]+),(\\d+)\\)");

    private WordCounts() {}

    /** Lower-cased words split at every character that is not a-z or 0-9, counted. */
    public static Map<String, Integer> expected(Path input) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The counts in WordCount's output files; a malformed line or a word counted twice fails. */
    public static Map<String, Integer> read(List<Path> files) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = RESULT_LINE.matcher(line);
                if (!m.matches() || counts.put(m.group(1), Integer.parseInt(m.group(2))) != null) {
                    throw new AssertionError("Unexpected or repeated line '" + line + "' in " + file);
                }
            }
        }
        return counts;
    }
}
