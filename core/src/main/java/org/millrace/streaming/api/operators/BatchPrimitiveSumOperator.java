package org.millrace.streaming.api.operators;

import java.util.ArrayList;
import java.util.Arrays;
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
 */
public final class BatchPrimitiveSumOperator<K, T> implements OneInputStreamOperator<T, T> {

    private final Output<T> output;
    private final KeySelector<T, K> keySelector;
    private final FieldAccessor<T, Object> field;
    private final PrimitiveSumKind kind;
    private final DenseKeyIndex<K> index = new DenseKeyIndex<>();
    private final ArrayList<T> templates = new ArrayList<>();
    private long[] longSums = new long[1024];
    private double[] doubleSums = new double[0];

    public BatchPrimitiveSumOperator(StreamOperatorParameters<T> parameters, FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
        this.output = parameters.getOutput();
        this.keySelector = parameters.getKeySelector();
        this.field = field;
        this.kind = kind;
        if (kind.isFloatingPoint()) {
            longSums = new long[0];
            doubleSums = new double[1024];
        }
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        int slot = index.indexOf(keySelector.getKey(value));
        Object fieldValue = field.get(value);
        if (slot == templates.size()) {
            templates.add(value);
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
        StreamRecord<T> out = new StreamRecord<>(null);
        for (int slot = 0; slot < templates.size(); slot++) {
            T result = field.set(templates.get(slot), boxedSum(slot));
            output.collect(out.replace(result));
        }
        templates.clear();
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
