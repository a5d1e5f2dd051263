package org.millrace.client.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.millrace.client.program.rest.JobStatusMessage;
import org.millrace.runtime.execution.JobStatus;

/**
 * Prints {@code flink list} in Flink's format, which scripts parse:
 *
 * <pre>
 * ------------------ Running/Restarting Jobs -------------------
 * 25.11.2026 14:03:27 : 5f3c...e1 : WordCount (RUNNING)
 * --------------------------------------------------------------
 * No scheduled jobs.
 * </pre>
 *
 * Jobs are grouped into scheduled ({@code CREATED}), running (any other state that is not terminal)
 * and terminated; within a group, ordered by state name, then start time. An empty running or
 * scheduled group prints "No running jobs." / "No scheduled jobs."; an empty terminated group prints
 * nothing. Times are in the client's time zone.
 */
public final class JobListPrinter {

    private static final String RULE = "--------------------------------------------------------------";

    private final PrintStream out;
    private final DateTimeFormatter timeFormat;

    public JobListPrinter(PrintStream out, ZoneId zone) {
        this.out = out;
        this.timeFormat = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(zone);
    }

    public void print(List<JobStatusMessage> jobs, ListOptions options) {
        List<JobStatusMessage> running = new ArrayList<>();
        List<JobStatusMessage> scheduled = new ArrayList<>();
        List<JobStatusMessage> terminated = new ArrayList<>();
        for (JobStatusMessage job : jobs) {
            if (job.jobState() == JobStatus.CREATED) {
                scheduled.add(job);
            } else if (job.jobState().isTerminal()) {
                terminated.add(job);
            } else {
                running.add(job);
            }
        }
        if (options.showRunning()) {
            printGroup("------------------ Running/Restarting Jobs -------------------", running, "No running jobs.");
        }
        if (options.showScheduled()) {
            printGroup("----------------------- Scheduled Jobs -----------------------", scheduled, "No scheduled jobs.");
        }
        if (options.showTerminated() && !terminated.isEmpty()) {
            printGroup("---------------------- Terminated Jobs -----------------------", terminated, null);
        }
        out.flush();
    }

    private void printGroup(String header, List<JobStatusMessage> jobs, String whenEmpty) {
        if (jobs.isEmpty()) {
            out.println(whenEmpty);
            return;
        }
        out.println(header);
        jobs.stream()
                .sorted(Comparator.comparing((JobStatusMessage job) -> job.jobState().name())
                        .thenComparingLong(JobStatusMessage::startTime))
                .forEach(job -> out.println(timeFormat.format(Instant.ofEpochMilli(job.startTime())) + " : "
                        + job.jobId() + " : " + job.jobName() + " (" + job.jobState() + ")"));
        out.println(RULE);
    }
}
