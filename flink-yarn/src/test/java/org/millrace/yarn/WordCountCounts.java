package org.millrace.yarn;

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

/** WordCount's input for the YARN tests, and its counts computed here independently of Millrace. */
final class WordCountCounts {

    private static final Pattern RESULT = Pattern.compile("\\(([a-z0-9]+),(\\d+)\\)");

    private WordCountCounts() {}

    static Path writeInput(Path dir, int lines) throws IOException {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            text.add("To be, or not to be " + (i % 11) + " -- THAT is the question " + (i % 5));
        }
        return Files.write(dir.resolve("input.txt"), text, StandardCharsets.UTF_8);
    }

    static Map<String, Integer> expected(Path input) throws IOException {
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
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = RESULT.matcher(line);
                if (!m.matches() || counts.put(m.group(1), Integer.parseInt(m.group(2))) != null) {
                    throw new AssertionError("Unexpected line '" + line + "' in " + file);
                }
            }
        }
        return counts;
    }
}
