package org.millrace.examples.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.util.Collector;

class WordTokenizerTest {

    private static List<String> words(String... lines) {
        List<String> words = new ArrayList<>();
        WordTokenizer tokenizer = new WordTokenizer();
        Collector<Tuple2<String, Integer>> out = new Collector<>() {
            @Override
            public void collect(Tuple2<String, Integer> record) {
                assertEquals(1, record.f1);
                words.add(record.f0);
            }

            @Override
            public void close() {}
        };
        for (String line : lines) {
            tokenizer.flatMap(line, out);
        }
        return words;
    }

    @Test
    void lowerCasesAndSplitsOnEverythingButAsciiLettersAndDigits() {
        assertEquals(List.of("it", "s", "a", "battle", "field", "r2d2", "snake", "case"),
                words("  It's a BATTLE-field:  R2D2 snake_case!"));
    }

    @Test
    void nonAsciiCharactersSeparateWordsAsTrDoes() {
        assertEquals(List.of("caf", "na", "ve", "stra", "e"), words("Café naïve Straße"));
    }

    @Test
    void emptyAndSeparatorOnlyLinesGiveNoWords() {
        assertEquals(List.of(), words("", "--- ,,, ___"));
    }

    @Test
    void longLineAfterShortLineIsTokenizedCompletely() {
        String longWord = "x".repeat(1000);
        assertEquals(List.of("a", longWord, "b"), words("a", longWord + " b"));
    }
}
