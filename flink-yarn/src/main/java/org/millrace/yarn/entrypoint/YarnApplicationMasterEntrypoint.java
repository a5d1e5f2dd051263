package org.millrace.yarn.entrypoint;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.cluster.TaskManagerRunner;
import org.millrace.runtime.dispatcher.ApplicationStatus;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.entrypoint.ClusterOptions;
import org.millrace.runtime.entrypoint.JobManagerComponents;
import org.millrace.runtime.highavailability.HighAvailabilityOptions;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.rest.RestOptions;
import org.millrace.yarn.ApplicationAttempts;
import org.millrace.yarn.ContainerSpecs;
import org.millrace.yarn.YarnResources;
import org.millrace.yarn.configuration.YarnConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApplicationMaster of a Millrace YARN application: the JobManager (Dispatcher, ResourceManager
 * with the {@link YarnResourceManagerDriver}, control RPC and REST API) in the AM container,
 * registered with YARN under the REST address (host and port, and as tracking URL).
 *
 * <p>A session ({@code execution.target: yarn-session}) runs until YARN kills the application. A
 * per-job cluster ({@code yarn-per-job}) ends after its job: detached as soon as the job ends,
 * attached once the client has fetched the job's result (or {@link #UNFETCHED_RESULT_GRACE} after
 * the job ended; FAILED if no job arrives within that time); it unregisters with the job's outcome (SUCCEEDED, FAILED, KILLED for a cancelled
 * job) and the failure as diagnostics, and deletes the staging directory. An application cluster
 * ({@code yarn-application}) runs the user's {@code main()} itself ({@link ApplicationProgram}) and
 * ends when it returns (SUCCEEDED) or throws (FAILED, e.g. because a job failed).
 *
 * <p>With {@code yarn.application-attempts} above 1, YARN starts a new attempt of the
 * ApplicationMaster when one is lost (its process or node dies) or fails with attempts left; such an
 * attempt neither unregisters nor deletes the staging directory. A per-job ApplicationMaster stores
 * its job in the staging directory ({@link StagedJob}) when it is submitted, and a later attempt
 * submits it again: the job runs from the start, with the same job id. YARN stops the TaskManager
 * containers of a lost attempt; the new attempt requests its own.
 */
public final class YarnApplicationMasterEntrypoint {

    private static final Logger LOG = LoggerFactory.getLogger(YarnApplicationMasterEntrypoint.class);
    /** How long a per-job cluster waits for its client to submit the job, and (attached) to fetch its result. */
    static final Duration UNFETCHED_RESULT_GRACE = Duration.ofMinutes(5);
    private static final long JOB_POLL_MILLIS = 500;
    private static final int MAX_DIAGNOSTICS = 8_000;

    private final Configuration configuration;
    private final YarnConfiguration yarnConfiguration;
    private final Path stagingDir;
    private final String host;
    private final boolean perJob;
    /** Application mode: the program whose main() this ApplicationMaster runs; else null. */
    private final ApplicationProgram application;
    private final boolean attached;
    private final ApplicationAttemptId attemptId;
    /** The attempts YARN grants this application: the configured ones, capped by the cluster. */
    private final int maxAttempts;
    /** Per-job with more than one attempt: where the job is kept for the next attempt; else null. */
    private final StagedJob stagedJob;
    /** {@code high-availability.type: zookeeper}: jobs, checkpoints and leadership live in ZooKeeper. */
    private final boolean highAvailability;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private JobManagerComponents components;
    private YarnResourceManagerDriver driver;
    private long jobEndedNanos;
    private long startedNanos;

    /**
     * How this attempt ends. {@code status} null: YARN already ended the application (killed), or
     * ({@code leftToNextAttempt}) this attempt fails without ending it, so that YARN starts the next one.
     */
    record Outcome(FinalApplicationStatus status, String diagnostics, boolean leftToNextAttempt) {
        Outcome(FinalApplicationStatus status, String diagnostics) {
            this(status, diagnostics, false);
        }
    }

    YarnApplicationMasterEntrypoint(Configuration configuration, YarnConfiguration yarnConfiguration, Path stagingDir,
                                    String host, ApplicationAttemptId attemptId, ApplicationProgram application)
            throws IOException {
        this.configuration = configuration;
        this.yarnConfiguration = yarnConfiguration;
        this.stagingDir = stagingDir;
        this.host = host;
        this.attemptId = attemptId;
        this.application = application;
        this.perJob = "yarn-per-job".equals(configuration.get(DeploymentOptions.TARGET));
        this.attached = configuration.get(DeploymentOptions.ATTACHED);
        this.maxAttempts = ApplicationAttempts.effective(configuration, yarnConfiguration);
        this.highAvailability = ZooKeeperClients.isZooKeeperHa(configuration);
        if (highAvailability && !configuration.contains(HighAvailabilityOptions.HA_CLUSTER_ID)) {
            configuration.set(HighAvailabilityOptions.HA_CLUSTER_ID, attemptId.getApplicationId().toString());
        }
        // with high availability the job graph store in ZooKeeper keeps the job for the next attempt
        this.stagedJob = perJob && maxAttempts > 1 && !highAvailability
                ? new StagedJob(stagingDir.getFileSystem(yarnConfiguration), stagingDir) : null;
        configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, host);
        configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        configuration.set(RestClientOptions.ADDRESS, host);
        if (!configuration.contains(RestOptions.BIND_PORT)) {
            configuration.set(RestOptions.BIND_PORT, "0");
        }
    }

    /** Starts the JobManager and registers with YARN; a later attempt of a per-job cluster submits the stored job again. */
    void start() throws IOException {
        startedNanos = System.nanoTime();
        LOG.info("ApplicationMaster attempt {} of {} of application {} starting (process {})",
                attemptId.getAttemptId(), maxAttempts, attemptId.getApplicationId(), ProcessHandle.current().pid());
        if (highAvailability) {
            LOG.info("High availability through ZooKeeper, cluster id {}: a later attempt recovers the running jobs"
                    + " from their latest completed checkpoints", configuration.get(HighAvailabilityOptions.HA_CLUSTER_ID));
        }
        UnaryOperator<org.millrace.runtime.dispatcher.DispatcherGateway> restGateway = perJob
                ? gateway -> new PerJobDispatcherGateway(gateway, stagedJob, attached ? this::finish : result -> {})
                : UnaryOperator.identity();
        components = new JobManagerComponents(configuration, restGateway);
        components.start();
        if (highAvailability) {
            awaitLeadership();
        }
        URI rest = URI.create(components.getRestBaseUrl());
        int rpcPort = components.getRpcAddress().getPort();
        Map<String, LocalResource> resources = YarnResources.forContainer(yarnConfiguration, stagingDir,
                configuration.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of()));
        int slots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        Resource capability = Resource.newInstance(configuration.get(YarnConfigOptions.TASK_MANAGER_PROCESS_SIZE).getMebiBytes(),
                configuration.getOptional(YarnConfigOptions.VCORES).orElse(slots));
        driver = new YarnResourceManagerDriver(components.getResourceManager(), capability, slots,
                container -> taskManagerLaunchContext(container, resources, rpcPort), this::fatalError,
                () -> outcome.complete(new Outcome(null, "killed through YARN")));
        RegisterApplicationMasterResponse registration = driver.start(yarnConfiguration, host, rest.getPort(),
                rest.toString());
        components.getResourceManager().setDriver(driver, configuration.get(ClusterOptions.TASK_MANAGER_TIMEOUT));
        LOG.info("ApplicationMaster registered with YARN: REST API at {}, TaskManagers register at {}:{}", rest, host, rpcPort);
        if (attemptId.getAttemptId() > 1) {
            LOG.info("Recovered {} containers from previous attempts ({}).",
                    registration.getContainersFromPreviousAttempts().size(),
                    registration.getContainersFromPreviousAttempts());
        }
        if (stagedJob != null && attemptId.getAttemptId() > 1) {
            resubmitStagedJob();
        }
        if (application != null) {
            Thread main = new Thread(() -> runApplication(rest), "application main");
            main.setDaemon(true);
            main.start();
        }
        if (perJob) {
            components.getScheduler().scheduleWithFixedDelay(this::watchJob, JOB_POLL_MILLIS, JOB_POLL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * High availability: registers with YARN (so clients find this attempt) only once it leads, which a
     * later attempt does when the ZooKeeper session of the lost one has expired; it then recovers the jobs.
     */
    private void awaitLeadership() throws IOException {
        Duration timeout = configuration.get(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT).multipliedBy(2)
                .plusSeconds(30);
        LOG.info("Waiting up to {} for the leadership in ZooKeeper", timeout);
        try {
            if (!components.awaitLeadership(timeout)) {
                LOG.warn("Not the leader after {}: does an ApplicationMaster of an earlier attempt still run? Registering"
                        + " anyway; jobs run once this one leads", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the leadership", e);
        }
    }

    /** A later attempt of a per-job cluster: runs the job a previous attempt was given again (same job id). */
    private void resubmitStagedJob() throws IOException {
        java.util.Optional<StagedJob.Recovered> recovered = stagedJob.recover(java.nio.file.Paths.get("recovered-job")
                .toAbsolutePath(), YarnApplicationMasterEntrypoint.class.getClassLoader());
        if (recovered.isEmpty()) {
            LOG.info("No job was stored by a previous attempt; waiting for the client to submit it");
            return;
        }
        JobGraph jobGraph = recovered.get().jobGraph();
        LOG.info("Submitting job '{}' ({}) again, as stored by a previous ApplicationMaster attempt; it runs from the start",
                jobGraph.getName(), jobGraph.getJobID());
        components.getDispatcher().submitJob(jobGraph, recovered.get().jars()).join();
    }

    /** Application mode: runs the program's main() (in its own thread) and ends the application with its outcome. */
    private void runApplication(URI rest) {
        try {
            int jobs = application.run(configuration, rest.getHost(), rest.getPort());
            outcome.complete(new Outcome(FinalApplicationStatus.SUCCEEDED, "The application's main() finished after "
                    + jobs + " job(s)."));
        } catch (Exception | LinkageError e) {
            LOG.error("The application's main() failed: {}", e.getMessage(), e);
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            outcome.complete(new Outcome(FinalApplicationStatus.FAILED, "The application's main() failed: "
                    + abbreviate(trace.toString())));
        }
    }

    private ContainerLaunchContext taskManagerLaunchContext(Container container, Map<String, LocalResource> resources,
                                                            int rpcPort) {
        return ContainerSpecs.launchContext(configuration, "taskmanager", resources, Map.of(),
                org.millrace.yarn.TaskManagerMemory.forHeapAndJvm(configuration,
                        configuration.get(YarnConfigOptions.TASK_MANAGER_PROCESS_SIZE)), 0.6, TaskManagerRunner.class.getName(),
                List.of("--configDir", ".", "-D" + ClusterOptions.JOB_MANAGER_ADDRESS.key() + "=" + host,
                        "-D" + ClusterOptions.JOB_MANAGER_PORT.key() + "=" + rpcPort,
                        "-D" + ClusterOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + container.getId(),
                        "-D" + ClusterOptions.TASK_MANAGER_HOST.key() + "=" + container.getNodeId().getHost(),
                        // with high availability the TaskManager finds its JobManager through this cluster's ZooKeeper nodes
                        "-D" + HighAvailabilityOptions.HA_CLUSTER_ID.key() + "="
                                + configuration.get(HighAvailabilityOptions.HA_CLUSTER_ID)));
    }

    /** Per-job: ends the application once its job has ended (attached: and its result was fetched, or the grace passed). */
    private void watchJob() {
        List<JobInfo> jobs = components.getDispatcher().requestJobs().join();
        if (jobs.isEmpty() && System.nanoTime() - startedNanos > UNFETCHED_RESULT_GRACE.toNanos()) {
            outcome.complete(new Outcome(FinalApplicationStatus.FAILED, "No job was submitted to this per-job cluster"
                    + " within " + UNFETCHED_RESULT_GRACE.toMinutes() + " minutes (did its client die?)"));
        }
        if (jobs.isEmpty() || !jobs.stream().allMatch(job -> job.status().isTerminal())) {
            return;
        }
        if (jobEndedNanos == 0) {
            jobEndedNanos = System.nanoTime();
            LOG.info("Job '{}' ended {}", jobs.get(0).name(), jobs.get(0).status());
        }
        if (!attached || System.nanoTime() - jobEndedNanos > UNFETCHED_RESULT_GRACE.toNanos()) {
            components.getDispatcher().requestJobResult(jobs.get(0).jobId()).thenAccept(this::finish);
        }
    }

    private void finish(JobResult result) {
        FinalApplicationStatus status = switch (result.status()) {
            case SUCCEEDED -> FinalApplicationStatus.SUCCEEDED;
            case CANCELED -> FinalApplicationStatus.KILLED;
            default -> FinalApplicationStatus.FAILED;
        };
        String diagnostics = result.status() == ApplicationStatus.SUCCEEDED ? "Job " + result.jobId() + " finished."
                : "Job " + result.jobId() + " ended " + result.status()
                + (result.failureCause() == null ? "" : ": " + abbreviate(result.failureCause().stackTrace()));
        outcome.complete(new Outcome(status, diagnostics));
    }

    /** YARN keeps diagnostics in its state store: a failure's trace, cut to a size that fits. */
    private static String abbreviate(String trace) {
        return trace.length() <= MAX_DIAGNOSTICS ? trace : trace.substring(0, MAX_DIAGNOSTICS) + "...";
    }

    private void fatalError(Throwable t) {
        LOG.error("The ApplicationMaster fails: {}", t.getMessage(), t);
        outcome.complete(attemptId.getAttemptId() < maxAttempts
                ? new Outcome(null, "The ApplicationMaster failed: " + t, true)
                : new Outcome(FinalApplicationStatus.FAILED, "The ApplicationMaster failed: " + t));
    }

    /**
     * Blocks until the application should end, then deletes the staging directory, unregisters from
     * YARN and stops; or, if this attempt fails with attempts left, only stops.
     *
     * @return the process's exit code: 0, or 1 when this attempt failed and leaves the application to the next one
     */
    int runUntilFinished() {
        Outcome end = outcome.join();
        if (end.leftToNextAttempt()) {
            LOG.error("ApplicationMaster attempt {} of {} ends without ending the application, so that YARN starts"
                    + " the next attempt: {}", attemptId.getAttemptId(), maxAttempts, end.diagnostics());
            close();
            return 1;
        }
        LOG.info("Ending the application: {} ({})", end.status() == null ? "KILLED" : end.status(), end.diagnostics());
        deleteStagingDir(); // first: once unregistered, YARN reports the application as ended
        if (highAvailability && components != null) {
            // no later attempt will recover anything; before unregistering, after which YARN may stop this process
            components.deleteHighAvailabilityDataOnClose();
            components.close();
        }
        if (end.status() != null) {
            try {
                driver.unregister(end.status(), end.diagnostics());
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}", e.getMessage(), e);
            }
        }
        close();
        return 0;
    }

    private void deleteStagingDir() {
        try {
            stagingDir.getFileSystem(yarnConfiguration).delete(stagingDir, true);
            LOG.info("Deleted the staging directory {}", stagingDir);
        } catch (IOException e) {
            LOG.warn("Could not delete the staging directory {}: {}", stagingDir, e.toString());
        }
    }

    void close() {
        if (components != null) {
            components.close();
        }
        if (driver != null) {
            driver.close();
        }
    }

    /**
     * The ApplicationMaster's environment entries for application mode: the program's JAR (its file
     * name in the staging directory), entry class (null: the manifest's) and arguments.
     */
    public static Map<String, String> applicationEnvironment(String jarFileName, String entryClass, List<String> args) {
        return ApplicationProgram.environment(jarFileName, entryClass, args);
    }

    /** The container's command: the configuration and staging directory come from the container's files and environment. */
    public static void main(String[] args) {
        int exitCode = 0;
        YarnApplicationMasterEntrypoint master = null;
        try {
            Configuration configuration = GlobalConfiguration.loadConfiguration(".");
            String host = System.getenv(Environment.NM_HOST.name());
            Path stagingDir = new Path(System.getenv(ContainerSpecs.ENV_STAGING_DIR));
            ApplicationAttemptId attemptId = ContainerId.fromString(System.getenv(Environment.CONTAINER_ID.name()))
                    .getApplicationAttemptId();
            ApplicationProgram application = "yarn-application".equals(configuration.get(DeploymentOptions.TARGET))
                    ? ApplicationProgram.fromEnvironment(System.getenv()) : null;
            master = new YarnApplicationMasterEntrypoint(configuration, new YarnConfiguration(), stagingDir, host,
                    attemptId, application);
            YarnApplicationMasterEntrypoint started = master;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ApplicationMaster shutdown"));
            master.start();
            exitCode = master.runUntilFinished();
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster failed: {}", t.getMessage(), t);
            if (master != null) {
                master.close();
            }
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
