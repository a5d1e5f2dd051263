package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.remote.DetachedJobExecutionResult;
import org.millrace.core.execution.JobClient;

class JobResultPrinterTest {

    private static final JobID JOB_ID = JobID.fromHexString("0123456789abcdef0123456789abcdef");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JobResultPrinter printer = new JobResultPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static JobClient client() {
        return new JobClient() {
            @Override
            public JobID getJobID() {
                return JOB_ID;
            }

            @Override
            public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<Void> cancel() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Test
    void submissionAndSuccessArePrintedInFlinksWords() {
        printer.onJobSubmitted(client(), null);
        printer.onJobExecuted(new JobExecutionResult(JOB_ID, 1234, Map.of()), null);
        assertEquals("Job has been submitted with JobID 0123456789abcdef0123456789abcdef\n"
                + "Program execution finished\n"
                + "Job with JobID 0123456789abcdef0123456789abcdef has finished.\n"
                + "Job Runtime: 1234 ms\n", printed());
        assertEquals(1, printer.submittedJobs());
    }

    @Test
    void accumulatorsArePrintedSortedByNameWithTheirTypes() {
        Map<String, Object> accumulators = new LinkedHashMap<>();
        accumulators.put("words", 42L);
        accumulators.put("lines", 7);
        printer.onJobExecuted(new JobExecutionResult(JOB_ID, 5, accumulators), null);
        assertEquals("Program execution finished\n"
                + "Job with JobID 0123456789abcdef0123456789abcdef has finished.\n"
                + "Job Runtime: 5 ms\n"
                + "Accumulator Results: \n"
                + "- lines (java.lang.Integer): 7\n"
                + "- words (java.lang.Long): 42\n", printed());
    }

    @Test
    void detachedJobPrintsOnlyItsSubmission() {
        printer.onJobSubmitted(client(), null);
        printer.onJobExecuted(new DetachedJobExecutionResult(JOB_ID), null);
        assertEquals("Job has been submitted with JobID 0123456789abcdef0123456789abcdef\n", printed());
    }

    @Test
    void failuresPrintNothingBecauseTheCliReportsTheException() {
        printer.onJobSubmitted(null, new IllegalStateException("no slots"));
        printer.onJobExecuted(null, new IllegalStateException("boom"));
        assertEquals("", printed());
        assertEquals(0, printer.submittedJobs());
    }
}
