package org.millrace.streaming.api.operators;

import java.util.ArrayList;
import java.util.Arrays;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * BATCH {@code sum(field)} over an integral or double field: keeps each key's running sum in a
 * primitive array and its first record as the template of the result, and builds the results only
 * when the input ends. Per record it probes the key index once and adds a primitive: no boxing, and
 * no young objects stored into old ones (which costs G1 dearly at millions of records per second).
 *
 * <p>Results equal those of the generic reduce ({@link PrimitiveSumKind}).
 *
 * <p>The same operator is the combiner chained before the keyed exchange ({@link #combiner}): it
 * sums what one producer subtask sees and sends one partial record per key instead of every
 * record, emitting what it holds early whenever it has {@link #COMBINER_MAX_KEYS} keys, so its
 * memory stays bounded. Partial sums add up to the same totals downstream.
 */
public final class BatchPrimitiveSumOperator<K, T> implements OneInputStreamOperator<T, T> {

    /** Keys a combiner sums before it hands its partial sums on and starts over. */
    public static final int COMBINER_MAX_KEYS = 1 << 18;

    private final Output<T> output;
    private final KeySelector<T, K> keySelector;
    private final FieldAccessor<T, Object> field;
    private final PrimitiveSumKind kind;
    private final int maxKeys;
    /** Copies the records kept as templates; null where records are never reused (network input). */
    private final TypeSerializer<T> templateCopier;
    private final DenseKeyIndex<K> index = new DenseKeyIndex<>();
    private final ArrayList<T> templates = new ArrayList<>();
    private long[] longSums = new long[1024];
    private double[] doubleSums = new double[0];

    /** The keyed sum: one result per key of its key groups, when the input ends. */
    public BatchPrimitiveSumOperator(StreamOperatorParameters<T> parameters, FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
        this(parameters, field, kind, Integer.MAX_VALUE, null);
    }

    private BatchPrimitiveSumOperator(StreamOperatorParameters<T> parameters, FieldAccessor<T, Object> field,
            PrimitiveSumKind kind, int maxKeys, TypeSerializer<T> templateCopier) {
        this.output = parameters.getOutput();
        this.keySelector = parameters.getKeySelector();
        this.field = field;
        this.kind = kind;
        this.maxKeys = maxKeys;
        this.templateCopier = templateCopier;
        if (kind.isFloatingPoint()) {
            longSums = new long[0];
            doubleSums = new double[1024];
        }
    }

    /**
     * The combiner of a producer subtask: sums by the key selector of its node's input, emits partial
     * sums when it holds {@link #COMBINER_MAX_KEYS} keys and when its input ends. Chained operators
     * hand records over without copies and may reuse them, so it keeps copies ({@code records}) of
     * the records it holds on to.
     */
    public static <K, T> BatchPrimitiveSumOperator<K, T> combiner(StreamOperatorParameters<T> parameters,
            FieldAccessor<T, Object> field, PrimitiveSumKind kind, TypeSerializer<T> records) {
        return new BatchPrimitiveSumOperator<>(parameters, field, kind, COMBINER_MAX_KEYS, records);
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        K key = keySelector.getKey(value);
        int slot = index.indexOf(key);
        if (slot == maxKeys) {
            emitAll(); // a combiner holding as many keys as it may: hand the partial sums on, start over
            slot = index.indexOf(key);
        }
        Object fieldValue = field.get(value);
        if (slot == templates.size()) {
            templates.add(templateCopier == null ? value : templateCopier.copy(value));
            grow(slot);
            if (kind.isFloatingPoint()) {
                doubleSums[slot] = kind.doubleOf(fieldValue);
            } else {
                longSums[slot] = kind.longOf(fieldValue);
            }
        } else if (kind.isFloatingPoint()) {
            doubleSums[slot] += kind.doubleOf(fieldValue);
        } else {
            longSums[slot] += kind.longOf(fieldValue);
        }
    }

    private void grow(int slot) {
        if (kind.isFloatingPoint() && slot == doubleSums.length) {
            doubleSums = Arrays.copyOf(doubleSums, slot * 2);
        } else if (!kind.isFloatingPoint() && slot == longSums.length) {
            longSums = Arrays.copyOf(longSums, slot * 2);
        }
    }

    @Override
    public void finish() {
        emitAll();
    }

    private void emitAll() {
        StreamRecord<T> out = new StreamRecord<>(null);
        for (int slot = 0; slot < templates.size(); slot++) {
            T result = field.set(templates.get(slot), boxedSum(slot));
            output.collect(out.replace(result));
        }
        templates.clear();
        index.clear();
    }

    private Object boxedSum(int slot) {
        return kind.isFloatingPoint() ? kind.box(0, doubleSums[slot]) : kind.box(longSums[slot], 0);
    }

    @Override
    public void processWatermark(Watermark mark) {
        output.emitWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        output.emitWatermarkStatus(status);
    }
}
