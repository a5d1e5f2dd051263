package org.millrace.benchmarks;

import org.millrace.api.common.functions.MapFunction;
import org.millrace.api.java.tuple.Tuple2;

/** Turns a word into {@code (word, 1)}, the input of the keyed sum. */
final class WordToPair implements MapFunction<String, Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;
    private static final Long ONE = 1L;

    @Override
    public Tuple2<String, Long> map(String word) {
        return new Tuple2<>(word, ONE);
    }
}
