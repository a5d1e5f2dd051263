package org.millrace.client.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.client.remote.DetachedJobExecutionResult;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.JobListener;

/**
 * Prints what {@code flink run} users and their scripts read on standard out, in Flink's words:
 *
 * <pre>
 * Job has been submitted with JobID 5f3c...e1
 * Program execution finished
 * Job with JobID 5f3c...e1 has finished.
 * Job Runtime: 1234 ms
 * Accumulator Results: 
 * - lines (java.lang.Long): 42
 * </pre>
 *
 * The accumulator block appears only if the job has accumulators, sorted by name. A detached job
 * ({@code flink run -d}) prints only the first line: its result is not known. Failures are not
 * printed here: the CLI reports the exception that the program's {@code execute()} throws.
 */
public final class JobResultPrinter implements JobListener {

    private final PrintStream out;
    private final AtomicInteger submittedJobs = new AtomicInteger();

    public JobResultPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onJobSubmitted(JobClient jobClient, Throwable throwable) {
        if (jobClient != null) {
            submittedJobs.incrementAndGet();
            out.println("Job has been submitted with JobID " + jobClient.getJobID());
            out.flush();
        }
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable throwable) {
        if (result == null || result instanceof DetachedJobExecutionResult) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("Program execution finished\n");
        text.append("Job with JobID ").append(result.getJobID()).append(" has finished.\n");
        text.append("Job Runtime: ").append(result.getNetRuntime()).append(" ms\n");
        Map<String, Object> accumulators = result.getAllAccumulatorResults();
        if (!accumulators.isEmpty()) {
            text.append("Accumulator Results: \n");
            new TreeMap<>(accumulators).forEach((name, value) -> text.append("- ").append(name)
                    .append(" (").append(value == null ? "null" : value.getClass().getName()).append("): ")
                    .append(value).append('\n'));
        }
        out.print(text);
        out.flush();
    }

    /** How many jobs the program has submitted so far. */
    public int submittedJobs() {
        return submittedJobs.get();
    }
}
