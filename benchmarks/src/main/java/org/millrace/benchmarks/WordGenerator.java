package org.millrace.benchmarks;

import org.millrace.connector.datagen.source.GeneratorFunction;

/** The W1/W2 source records: the word of each index. */
final class WordGenerator implements GeneratorFunction<Long, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String map(Long index) {
        return Workloads.word(index);
    }
}
