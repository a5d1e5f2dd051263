package org.millrace.streaming.runtime.tasks;

import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * Hands records to the next operator of the chain by a direct call (no serialization, no copy),
 * turning its exceptions into an {@link OperatorFailureException} that names it. Side-output
 * records are not for it (a side output reaches its readers through a {@link SideOutputRouter}).
 */
final class ChainingOutput<T> implements Output<T> {

    private final OneInputStreamOperator<T, ?> operator;
    private final String operatorName;
    private final String subtask;

    ChainingOutput(OneInputStreamOperator<T, ?> operator, String operatorName, String subtask) {
        this.operator = operator;
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        try {
            operator.processElement(record);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(operatorName, subtask, e);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            operator.processWatermark(mark);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(operatorName, subtask, e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        try {
            operator.processWatermarkStatus(status);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(operatorName, subtask, e);
        }
    }
}
