package org.millrace.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/** A sink that creates one {@link SinkWriter} per parallel subtask: {@code DataStream.sinkTo}. */
public interface Sink<IN> extends Serializable {

    SinkWriter<IN> createWriter(WriterInitContext context) throws IOException;
}
