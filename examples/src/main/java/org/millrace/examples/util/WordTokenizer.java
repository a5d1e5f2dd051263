package org.millrace.examples.util;

import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.util.Collector;

/**
 * Splits a line into lower-case words and emits {@code (word, 1)} for each.
 *
 * <p>A word is a maximal run of ASCII letters and digits; everything else, including '_' and
 * non-ASCII characters, separates words. That is exactly what
 * {@code tr -cs 'A-Za-z0-9' '\n' | tr A-Z a-z} does, so results can be checked with shell tools.
 * Only ASCII letters are lower-cased, for the same reason. Scans the line once, without regular
 * expressions; the only allocations are the words themselves (and a scratch buffer per line length
 * increase).
 */
public final class WordTokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {

    private static final long serialVersionUID = 1L;
    private static final Integer ONE = 1;

    private transient char[] scratch;

    @Override
    public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
        int length = line.length();
        if (scratch == null || scratch.length < length) {
            scratch = new char[Math.max(length, 256)];
        }
        char[] word = scratch;
        int wordLength = 0;
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                word[wordLength++] = (char) (c + ('a' - 'A'));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word[wordLength++] = c;
            } else if (wordLength > 0) {
                out.collect(Tuple2.of(new String(word, 0, wordLength), ONE));
                wordLength = 0;
            }
        }
        if (wordLength > 0) {
            out.collect(Tuple2.of(new String(word, 0, wordLength), ONE));
        }
    }
}
