package org.millrace.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * A sink whose writers have state in checkpoints ({@link CommittingSinkWriter#snapshotState}): after
 * a failure each writer is created from the state of the checkpoint the job restores from. The
 * state is given whole to every new writer (it picks its part), so the writers can also clean up
 * after writers of a different parallelism.
 */
public interface StatefulSink<IN> extends Sink<IN> {

    SinkWriter<IN> restoreWriter(WriterInitContext context, List<byte[]> restoredState) throws IOException;
}
