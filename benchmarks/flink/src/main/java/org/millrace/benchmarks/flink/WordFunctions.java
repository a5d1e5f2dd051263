package org.millrace.benchmarks.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.millrace.benchmarks.Workloads;

/** The functions of the W1/W2 word-count job on Flink. */
final class WordFunctions {

    private WordFunctions() {}

    /** The word of each index. */
    static final class Words implements GeneratorFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(Long index) {
            return Workloads.word(index);
        }
    }

    /** {@code word -> (word, 1)}. */
    static final class ToPair implements MapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;
        private static final Long ONE = 1L;

        @Override
        public Tuple2<String, Long> map(String word) {
            return Tuple2.of(word, ONE);
        }
    }

    /** Keys a {@code (word, count)} pair by its word. */
    static final class ByWord implements KeySelector<Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Tuple2<String, Long> pair) {
            return pair.f0;
        }
    }

    /** Keys a long by itself (W4-keyby). */
    static final class Identity implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long value) {
            return value;
        }
    }
}
