package org.millrace.api.common.functions;

/**
 * A function with a life cycle and access to its subtask's {@link RuntimeContext}. Call order, all
 * in the task's thread: {@code setRuntimeContext}, {@code open}, any number of calls of the
 * function method, {@code close} (also after a failure, to release resources).
 */
public interface RichFunction extends Function {

    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
