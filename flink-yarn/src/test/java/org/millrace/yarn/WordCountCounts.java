package org.millrace.yarn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.millrace.testing.WordCounts;

/** WordCount's input for the YARN tests, and its counts computed here independently of Millrace. */
final class WordCountCounts {

    private WordCountCounts() {}

    static Path writeInput(Path dir, int lines) throws IOException {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            text.add("To be, or not to be " + (i % 11) + " -- THAT is the question " + (i % 5));
        }
        return Files.write(dir.resolve("input.txt"), text, StandardCharsets.UTF_8);
    }

    static Map<String, Integer> expected(Path input) throws IOException {
        return WordCounts.expected(input);
    }

    /** The counts in an output file or directory of files; a word counted twice fails. */
    static Map<String, Integer> read(Path output) throws IOException {
        List<Path> files;
        if (Files.isDirectory(output)) {
            try (Stream<Path> list = Files.list(output)) {
                files = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
        } else {
            files = List.of(output);
        }
        return WordCounts.read(files);
    }
}
