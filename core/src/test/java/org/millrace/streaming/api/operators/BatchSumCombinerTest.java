package org.millrace.streaming.api.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.api.java.typeutils.FieldAccessors;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * The combiner a BATCH {@code sum(field)} chains before its keyed exchange: it sends one partial sum
 * per key, hands its partial sums on early once it holds {@link BatchPrimitiveSumOperator#COMBINER_MAX_KEYS}
 * keys (bounded memory), and the partial sums add up to every key's exact total.
 */
class BatchSumCombinerTest {

    private static final TypeInformation<Tuple2<Integer, Long>> TYPE = TypeInformation.of(new TypeHint<>() {});

    @Test
    void emitsPartialSumsWhenFullAndAtEndOfInputThatAddUpToTheTotals() throws Exception {
        FieldAccessor<Tuple2<Integer, Long>, Object> field = FieldAccessors.forPosition(TYPE, 1);
        int max = BatchPrimitiveSumOperator.COMBINER_MAX_KEYS;
        Map<Integer, Long> totals = new HashMap<>();
        try (var h = new OneInputStreamOperatorTestHarness<Tuple2<Integer, Long>, Tuple2<Integer, Long>>(
                p -> BatchPrimitiveSumOperator.combiner(p, field, PrimitiveSumKind.LONG, TYPE.createSerializer()), t -> t.f0,
                RuntimeExecutionMode.BATCH, 200)) {
            h.open();
            for (int key = 0; key < max; key++) { // exactly as many keys as it holds: nothing emitted yet
                for (long v = 1; v <= (key % 3) + 1; v++) {
                    h.processElement(Tuple2.of(key, v), 0);
                    totals.merge(key, v, Long::sum);
                }
            }
            assertEquals(0, h.extractOutputValues().size(), "records emitted before the combiner was full");

            for (int key = max - 5; key < max + 5; key++) { // five known keys, then five new ones
                h.processElement(Tuple2.of(key, 100L), 0);
                totals.merge(key, 100L, Long::sum);
            }
            assertEquals(max, h.extractOutputValues().size(), "partial sums handed on when the first new key did not fit");

            h.endInput();
            List<Tuple2<Integer, Long>> out = h.extractOutputValues();
            assertEquals(max + 5, out.size(), "one partial per key before the flush, then one per new key after it");
            Map<Integer, Long> added = new HashMap<>();
            for (Tuple2<Integer, Long> partial : out) {
                added.merge(partial.f0, partial.f1, Long::sum);
            }
            assertEquals(totals, added);
        }
    }

    @Test
    void keepsCopiesOfRecordsAnUpstreamOperatorReuses() throws Exception {
        FieldAccessor<Tuple2<Integer, Long>, Object> field = FieldAccessors.forPosition(TYPE, 1);
        try (var h = new OneInputStreamOperatorTestHarness<Tuple2<Integer, Long>, Tuple2<Integer, Long>>(
                p -> BatchPrimitiveSumOperator.combiner(p, field, PrimitiveSumKind.LONG, TYPE.createSerializer()), t -> t.f0,
                RuntimeExecutionMode.BATCH, 200)) {
            h.open();
            Tuple2<Integer, Long> reused = new Tuple2<>();
            for (int i = 0; i < 4; i++) { // keys 0 1 0 1, values 1 2 3 4, all in one object
                reused.f0 = i % 2;
                reused.f1 = i + 1L;
                h.processElement(reused, 0);
            }
            h.endInput();
            assertEquals(List.of(Tuple2.of(0, 4L), Tuple2.of(1, 6L)), h.extractOutputValues());
        }
    }
}
