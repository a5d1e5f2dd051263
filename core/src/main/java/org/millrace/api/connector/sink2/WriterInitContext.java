package org.millrace.api.connector.sink2;

/** What a {@link SinkWriter} is told when created: which subtask it serves. */
public interface WriterInitContext {

    int getSubtaskId();

    int getNumberOfParallelSubtasks();
}
