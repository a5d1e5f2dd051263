package org.millrace.client.program.rest;

import org.millrace.api.common.JobID;
import org.millrace.runtime.execution.JobStatus;

/**
 * One job as {@code flink list} shows it: one entry of the cluster's {@code GET /jobs/overview}.
 *
 * @param startTime when the job was submitted, in epoch milliseconds
 */
public record JobStatusMessage(JobID jobId, String jobName, JobStatus jobState, long startTime) {}
