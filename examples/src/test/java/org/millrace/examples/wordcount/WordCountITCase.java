package org.millrace.examples.wordcount;

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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@link WordCount#main} in-process on the embedded cluster and checks its output exactly. */
@Timeout(180)
class WordCountITCase {

    private static final Pattern RESULT_LINE = Pattern.compile("\\(([a-z0-9]+),(\\d+)\\)");
    private static final String[] VOCABULARY = {
        "the", "The", "THE", "river", "Mill", "race", "mill-race", "snake_case", "it's", "R2D2", "2024",
        "Café", "naïve", "Straße", "ÉTÉ", "x", "a1b2", "--", "...", "(note)", "\"quoted\"", "tab\tbed"
    };

    @TempDir
    Path dir;

    /** A deterministic text with mixed case, digits, punctuation, underscores and non-ASCII letters. */
    private static List<String> generatedLines(long seed, int lines) {
        Random random = new Random(seed);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder line = new StringBuilder(random.nextInt(4) == 0 ? " ;" : "");
            int words = random.nextInt(12);
            for (int w = 0; w < words; w++) {
                line.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            result.add(line.toString());
        }
        return result;
    }

    /** The expected counts, computed without the tokenizer under test. */
    private static Map<String, Integer> countWords(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Parses {@code (word,count)} lines of a result file or of all files in a result directory. */
    private static Map<String, Integer> readResult(Path output) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(output)) {
            try (Stream<Path> list = Files.list(output)) {
                list.forEach(files::add);
            }
        } else {
            files.add(output);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = RESULT_LINE.matcher(line);
                assertTrue(m.matches(), "unexpected output line '" + line + "' in " + file);
                Integer previous = counts.put(m.group(1), Integer.parseInt(m.group(2)));
                assertEquals(null, previous, "word " + m.group(1) + " appears twice in the result");
            }
        }
        return counts;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void countsEveryWordOfAFileExactly(int parallelism) throws Exception {
        List<String> lines = generatedLines(42, 3000);
        Path input = write("input.txt", lines);
        Path output = dir.resolve("out");

        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString(),
                "--parallelism", String.valueOf(parallelism)});

        assertEquals(countWords(lines), readResult(output));
        if (parallelism == 1) {
            assertTrue(Files.isRegularFile(output));
        } else {
            try (Stream<Path> list = Files.list(output)) {
                assertEquals(List.of("1", "2", "3", "4"), list.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void repeatedInputsOfFilesAndDirectoriesAreCountedTogether() throws Exception {
        List<String> a = generatedLines(1, 200);
        List<String> b = generatedLines(2, 300);
        List<String> c = generatedLines(3, 100);
        Path fileA = write("a.txt", a);
        write("more/b.txt", b);
        write("more/c.txt", c);
        Path output = dir.resolve("out.txt");

        WordCount.main(new String[] {"--input", fileA.toString(), "--input", dir.resolve("more").toString(),
                "--output", output.toString(), "--parallelism", "2"});

        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        assertEquals(countWords(all), readResult(output));
    }

    @Test
    void withoutInputTheBuiltInTextIsCounted() throws Exception {
        Path output = dir.resolve("out.txt");
        WordCount.main(new String[] {"--output", output.toString(), "--parallelism", "1"});
        Map<String, Integer> counts = readResult(output);
        assertEquals(countWords(List.of(WordCountData.LINES)), counts);
        assertEquals(13, counts.get("that"));
    }

    @Test
    void resultEqualsTheTrSortUniqPipeline() throws Exception {
        Path input = write("input.txt", generatedLines(7, 2000));
        Path output = dir.resolve("out");

        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString(), "--parallelism", "3"});

        assertEquals(shellWordCount(input), readResult(output));
    }

    /** {@code tr -cs 'A-Za-z0-9' '\n' | tr A-Z a-z | sort | uniq -c}, parsed; the empty "word" a leading separator yields is dropped. */
    private Map<String, Integer> shellWordCount(Path input) throws Exception {
        Path result = dir.resolve("uniq.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "tr -cs 'A-Za-z0-9' '\\n' < \"$1\" | tr A-Z a-z | sort | uniq -c", "wordcount", input.toString());
        builder.environment().put("LC_ALL", "C");
        builder.redirectOutput(result.toFile());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "shell pipeline did not finish");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue());
        Map<String, Integer> counts = new HashMap<>();
        Pattern uniqLine = Pattern.compile("\\s*(\\d+) ?(.*)");
        for (String line : Files.readAllLines(result, StandardCharsets.US_ASCII)) {
            Matcher m = uniqLine.matcher(line);
            assertTrue(m.matches(), line);
            if (!m.group(2).isEmpty()) {
                counts.put(m.group(2), Integer.parseInt(m.group(1)));
            }
        }
        assertTrue(counts.size() > 10, "the pipeline produced too few words: " + counts);
        return counts;
    }
}
