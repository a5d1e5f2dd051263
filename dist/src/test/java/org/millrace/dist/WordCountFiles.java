package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The input and the expected output of the WordCount example in the end-to-end tests: counts are
 * computed here without Millrace's tokenizer, so a wrong count anywhere fails the test.
 */
final class WordCountFiles {

    private static final Pattern RESULT_LINE = Pattern.compile("\\(([a-z0-9]+),(\\d+)\\)");

    private WordCountFiles() {}

    /** Writes 500 lines with repeated, mixed-case words and punctuation to {@code dir/input.txt}. */
    static Path writeInput(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("Line " + (i % 7) + ": the Quick brown_fox, the lazy DOG -- x" + (i % 13) + " naïve");
        }
        Path input = dir.resolve("input.txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        return input;
    }

    /** Lower-cased words split at every character that is not a-z or 0-9, counted. */
    static Map<String, Integer> expectedCounts(Path input) throws IOException {
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

    /** The counts in WordCount's output files; fails on a malformed line or a word counted twice. */
    static Map<String, Integer> readCounts(List<Path> files) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = RESULT_LINE.matcher(line);
                assertTrue(m.matches(), "unexpected line '" + line + "' in " + file);
                assertEquals(null, counts.put(m.group(1), Integer.parseInt(m.group(2))), "twice: " + m.group(1));
            }
        }
        return counts;
    }

    /** The files of a parallel sink's output directory, sorted by name. */
    static List<Path> outputFiles(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }
}
