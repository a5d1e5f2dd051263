package org.millrace.examples.util;

import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;

/** Keys {@code (word, count)} pairs by the word. */
public final class WordKey implements KeySelector<Tuple2<String, Integer>, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Tuple2<String, Integer> value) {
        return value.f0;
    }
}
