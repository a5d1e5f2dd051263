package org.millrace.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.millrace.testing.WordCounts;

/**
 * The input and the expected output of the WordCount example in the end-to-end tests: counts are
 * computed here without Millrace's tokenizer, so a wrong count anywhere fails the test.
 */
final class WordCountFiles {

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

    /** WordCount's expected counts, computed without Millrace's tokenizer. */
    static Map<String, Integer> expectedCounts(Path input) throws IOException {
        return WordCounts.expected(input);
    }

    /** The counts in WordCount's output files; fails on a malformed line or a word counted twice. */
    static Map<String, Integer> readCounts(List<Path> files) throws IOException {
        return WordCounts.read(files);
    }

    /** The files of a parallel sink's output directory, sorted by name. */
    static List<Path> outputFiles(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }
}
