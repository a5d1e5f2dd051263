package org.millrace.streaming.api.functions.sink;

import java.io.PrintStream;
import org.millrace.api.common.functions.OpenContext;

/**
 * {@code print()}: writes {@code toString()} of each record to standard out (or err), prefixed with
 * {@code "<subtask>> "} when the sink runs with parallelism above 1, and with an optional identifier.
 */
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {

    private static final long serialVersionUID = 1L;

    private final boolean stdErr;
    private final String sinkIdentifier;
    private transient String prefix;

    public PrintSinkFunction() {
        this(null, false);
    }

    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public void open(OpenContext openContext) {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        String subtask = parallelism > 1 ? String.valueOf(getRuntimeContext().getIndexOfThisSubtask() + 1) : null;
        if (sinkIdentifier != null && subtask != null) {
            prefix = sinkIdentifier + ":" + subtask + "> ";
        } else if (sinkIdentifier != null) {
            prefix = sinkIdentifier + "> ";
        } else if (subtask != null) {
            prefix = subtask + "> ";
        } else {
            prefix = "";
        }
    }

    @Override
    public void invoke(IN value) {
        PrintStream stream = stdErr ? System.err : System.out;
        stream.println(prefix + value);
    }
}
