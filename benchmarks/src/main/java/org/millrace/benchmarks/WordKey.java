package org.millrace.benchmarks;

import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;

/** Keys a {@code (word, count)} pair by its word. */
final class WordKey implements KeySelector<Tuple2<String, Long>, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Tuple2<String, Long> pair) {
        return pair.f0;
    }
}
