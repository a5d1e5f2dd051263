package org.millrace.runtime.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.ClusterOverview;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobNotFoundException;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.dispatcher.JobSubmissionException;
import org.millrace.runtime.dispatcher.NotLeaderException;
import org.millrace.runtime.dispatcher.TaskManagerInfo;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * A dispatcher with fixed contents for the REST layer's tests: the jobs, results and TaskManagers
 * a test puts in, and a record of every submission and cancellation.
 */
final class TestingDispatcherGateway implements DispatcherGateway {

    /** A submitJob call, with whether each JAR existed when it was made. */
    record Submission(JobGraph jobGraph, List<Path> jars, List<Boolean> jarsExisted) {}

    final Map<JobID, JobInfo> jobs = new ConcurrentHashMap<>();
    final List<JobInfo> jobList = new CopyOnWriteArrayList<>();
    final Map<JobID, JobResult> results = new ConcurrentHashMap<>();
    final List<TaskManagerInfo> taskManagers = new CopyOnWriteArrayList<>();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    final List<JobID> cancellations = new CopyOnWriteArrayList<>();
    volatile ClusterOverview overview = new ClusterOverview(0, 0, 0, 0, 0, 0, 0);
    volatile String rejectSubmissionsWith;
    /** When set, submissions fail as at a standby JobManager, with this message. */
    volatile String notLeader;

    void addJob(JobInfo job) {
        jobs.put(job.jobId(), job);
        jobList.add(job);
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars) {
        List<Boolean> existed = new ArrayList<>();
        userJars.forEach(jar -> existed.add(Files.isRegularFile(jar)));
        submissions.add(new Submission(jobGraph, List.copyOf(userJars), existed));
        if (notLeader != null) {
            return CompletableFuture.failedFuture(new NotLeaderException(notLeader));
        }
        if (rejectSubmissionsWith != null) {
            return CompletableFuture.failedFuture(new JobSubmissionException(jobGraph.getJobID(), rejectSubmissionsWith));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        if (!jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        }
        cancellations.add(jobId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        return CompletableFuture.completedFuture(overview);
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobs() {
        return CompletableFuture.completedFuture(List.copyOf(jobList));
    }

    @Override
    public CompletableFuture<JobInfo> requestJob(JobID jobId) {
        JobInfo job = jobs.get(jobId);
        return job != null ? CompletableFuture.completedFuture(job) : CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        JobResult result = results.get(jobId);
        return result != null ? CompletableFuture.completedFuture(result) : CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        return CompletableFuture.completedFuture(List.copyOf(taskManagers));
    }
}
