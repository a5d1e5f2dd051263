package org.millrace.benchmarks;

import org.millrace.api.java.functions.KeySelector;

/** Keys a long by itself (W4-keyby). */
final class LongIdentityKey implements KeySelector<Long, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long getKey(Long value) {
        return value;
    }
}
