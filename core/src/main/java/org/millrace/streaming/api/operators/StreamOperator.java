package org.millrace.streaming.api.operators;

/**
 * An operator in a task's chain. Life cycle, all in the task thread: constructed by its
 * {@link StreamOperatorFactory} with everything it needs, {@link #open()} (after the operators
 * downstream of it in the chain are open), input calls, {@link #finish()} once all input has ended
 * (emit what is buffered; downstream is still open), {@link #close()} (release resources; also
 * called after failures, so it must tolerate a partly opened operator).
 */
public interface StreamOperator<OUT> {

    default void open() throws Exception {}

    default void finish() throws Exception {}

    default void close() throws Exception {}
}
