package org.millrace.yarn.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.millrace.client.ClientOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.yarn.ApplicationAttempts;
import org.millrace.yarn.ContainerSpecs;
import org.millrace.yarn.YarnResources;
import org.millrace.yarn.configuration.YarnConfigOptions;
import org.millrace.yarn.entrypoint.YarnApplicationMasterEntrypoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys Millrace clusters on YARN and finds running ones. {@link #deploy} uploads the framework
 * JARs, the configuration and {@code yarn.ship-files} to the {@link StagingDirectory}, submits the ApplicationMaster
 * ({@link YarnApplicationMasterEntrypoint}) to {@code yarn.application.queue} and follows the
 * application until it runs, printing Flink's progress lines to the given stream.
 */
public final class YarnClusterDescriptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDescriptor.class);
    private static final long POLL_MILLIS = 250;
    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final Configuration configuration;
    private final YarnConfiguration yarnConfiguration;
    private final YarnClient yarnClient;
    private final PrintStream out;

    /** A running Millrace application, its current ApplicationMaster attempt and where that attempt's REST API is. */
    public record YarnApplication(ApplicationId applicationId, ApplicationAttemptId attemptId, String restHost,
                                  int restPort) {

        static YarnApplication of(ApplicationReport report) {
            return new YarnApplication(report.getApplicationId(), report.getCurrentApplicationAttemptId(),
                    report.getHost(), report.getRpcPort());
        }
    }

    /** @param out where Flink's progress lines go (the terminal of {@code flink run} and {@code yarn-session.sh}) */
    public YarnClusterDescriptor(Configuration configuration, PrintStream out) {
        this.configuration = configuration;
        this.yarnConfiguration = HadoopConfigurations.load(configuration);
        this.out = out;
        this.yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConfiguration);
        yarnClient.start();
    }

    /**
     * Starts a cluster and waits until its ApplicationMaster runs.
     *
     * @param target {@code yarn-session} (runs until killed) or {@code yarn-per-job} (ends with its job)
     */
    public YarnApplication deploy(String target) throws IOException, YarnException {
        return deploy(target, List.of(), Map.of());
    }

    /**
     * Starts a cluster with extra files (each in the working directory of every container) and extra
     * environment entries of the ApplicationMaster, and waits until its ApplicationMaster runs.
     *
     * @param target {@code yarn-session}, {@code yarn-per-job} or {@code yarn-application} (runs the main() of a shipped JAR)
     */
    public YarnApplication deploy(String target, List<java.nio.file.Path> extraFiles, Map<String, String> masterEnv)
            throws IOException, YarnException {
        YarnClientApplication application = yarnClient.createApplication();
        ApplicationId applicationId = application.getNewApplicationResponse().getApplicationId();
        StagingDirectory staging = StagingDirectory.of(configuration, yarnConfiguration, applicationId).create();
        try {
            ApplicationSubmissionContext context = application.getApplicationSubmissionContext();
            context.setApplicationName(configuration.getOptional(YarnConfigOptions.APPLICATION_NAME).orElse(switch (target) {
                case "yarn-per-job" -> "Millrace per-job cluster";
                case "yarn-application" -> "Millrace application cluster";
                default -> "Millrace session cluster";
            }));
            configuration.getOptional(YarnConfigOptions.APPLICATION_QUEUE).ifPresent(context::setQueue);
            context.setApplicationType("Millrace");
            configuration.getOptional(YarnConfigOptions.TAGS).ifPresent(tags -> context.setApplicationTags(
                    Stream.of(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet())));
            configuration.getOptional(YarnConfigOptions.APPLICATION_PRIORITY)
                    .ifPresent(priority -> context.setPriority(Priority.newInstance(priority)));
            setApplicationAttempts(context);
            context.setResource(Resource.newInstance(
                    configuration.get(YarnConfigOptions.JOB_MANAGER_PROCESS_SIZE).getMebiBytes(), 1));
            context.setAMContainerSpec(applicationMasterContext(staging, target, extraFiles, masterEnv));
            out.println("Submitting application master " + applicationId);
            yarnClient.submitApplication(context);
            return awaitRunning(applicationId);
        } catch (IOException | YarnException | RuntimeException e) {
            staging.delete();
            throw e;
        }
    }

    /**
     * {@code yarn.application-attempts} ApplicationMaster attempts. Containers are not kept across
     * attempts: a TaskManager knows its JobManager by the address it was started with, which a new
     * attempt does not have, so YARN stops the lost attempt's containers and the new one requests its own.
     */
    private void setApplicationAttempts(ApplicationSubmissionContext context) {
        int attempts = ApplicationAttempts.configured(configuration);
        int clusterMaximum = ApplicationAttempts.clusterMaximum(yarnConfiguration);
        if (attempts > clusterMaximum) {
            LOG.warn("{} is {}, but the cluster allows at most {} attempts ({}); YARN will start at most {}",
                    YarnConfigOptions.APPLICATION_ATTEMPTS.key(), attempts, clusterMaximum,
                    YarnConfiguration.RM_AM_MAX_ATTEMPTS, clusterMaximum);
        }
        context.setMaxAppAttempts(attempts);
        context.setKeepContainersAcrossApplicationAttempts(false);
        if (attempts > 1) {
            context.setAttemptFailuresValidityInterval(
                    configuration.get(YarnConfigOptions.APPLICATION_ATTEMPT_FAILURE_VALIDITY_INTERVAL));
        }
    }

    private ContainerLaunchContext applicationMasterContext(StagingDirectory staging, String target,
                                                            List<java.nio.file.Path> extraFiles,
                                                            Map<String, String> masterEnv) throws IOException {
        List<String> providedLibDirs = configuration.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of());
        if (providedLibDirs.isEmpty()) {
            for (java.nio.file.Path jar : frameworkJars()) {
                staging.upload(jar);
            }
        }
        for (String file : configuration.getOptional(YarnConfigOptions.SHIP_FILES).orElse(List.of())) {
            java.nio.file.Path path = Paths.get(file.strip());
            if (!Files.isRegularFile(path)) {
                throw new IllegalConfigurationException("Invalid value '" + file + "' for configuration key '"
                        + YarnConfigOptions.SHIP_FILES.key() + "': " + path.toAbsolutePath() + " is not a file");
            }
            staging.upload(path);
        }
        for (java.nio.file.Path file : extraFiles) {
            staging.upload(file);
        }
        Map<String, String> shipped = new LinkedHashMap<>(configuration.toMap());
        shipped.remove(ClientOptions.PIPELINE_JARS.key());
        shipped.remove(YarnConfigOptions.APPLICATION_ID.key());
        shipped.put(DeploymentOptions.TARGET.key(), target);
        staging.writeConfiguration(shipped);
        staging.writeHadoopConfiguration(yarnConfiguration);
        try (InputStream logConfig = YarnClusterDescriptor.class.getResourceAsStream("/" + ContainerSpecs.LOG_CONFIG_FILE)) {
            staging.write(ContainerSpecs.LOG_CONFIG_FILE, logConfig);
        }
        Map<String, String> env = new LinkedHashMap<>(masterEnv);
        env.put(ContainerSpecs.ENV_STAGING_DIR, staging.path().toString());
        return ContainerSpecs.launchContext(configuration, "jobmanager",
                YarnResources.forContainer(yarnConfiguration, staging.path(), providedLibDirs), env,
                configuration.get(YarnConfigOptions.JOB_MANAGER_PROCESS_SIZE), 0.75,
                YarnApplicationMasterEntrypoint.class.getName(), List.of());
    }

    /** The JARs of {@code yarn.framework.lib-dir}, else of {@code $MILLRACE_LIB_DIR}. */
    private List<java.nio.file.Path> frameworkJars() throws IOException {
        String dir = configuration.getOptional(YarnConfigOptions.FRAMEWORK_LIB_DIR).orElse(System.getenv("MILLRACE_LIB_DIR"));
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalConfigurationException("Cannot find the framework JARs to ship to YARN: set "
                    + YarnConfigOptions.FRAMEWORK_LIB_DIR.key() + " or MILLRACE_LIB_DIR to their directory (bin/ scripts"
                    + " do), or " + YarnConfigOptions.PROVIDED_LIB_DIRS.key() + " to a copy on the cluster's file system"
                    + " (was: " + dir + ")");
        }
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(dir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private YarnApplication awaitRunning(ApplicationId applicationId) throws IOException, YarnException {
        YarnApplicationState reported = null;
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(applicationId);
            YarnApplicationState state = report.getYarnApplicationState();
            if (state == YarnApplicationState.RUNNING) {
                out.println("YARN application has been deployed successfully.");
                out.println("Found Web Interface " + report.getHost() + ":" + report.getRpcPort() + " of application '"
                        + applicationId + "'.");
                out.flush();
                return YarnApplication.of(report);
            }
            if (ENDED.contains(state)) {
                throw new IOException("The YARN application " + applicationId + " ended " + state + " ("
                        + report.getFinalApplicationStatus() + ") before it ran: " + report.getDiagnostics());
            }
            if (state != reported) {
                out.println("Deploying cluster, current state " + state);
                out.flush();
                reported = state;
            }
            sleep(POLL_MILLIS);
        }
    }

    /** The REST address of a running application; fails if it is not running. */
    public YarnApplication retrieve(String applicationId) throws IOException, YarnException {
        ApplicationId id = ApplicationId.fromString(applicationId);
        ApplicationReport report = yarnClient.getApplicationReport(id);
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING) {
            throw new IOException("The YARN application " + applicationId + " is not running (state "
                    + report.getYarnApplicationState() + ")");
        }
        LOG.info("Found Web Interface {}:{} of application '{}'", report.getHost(), report.getRpcPort(), applicationId);
        return YarnApplication.of(report);
    }

    /**
     * Waits until an ApplicationMaster attempt other than {@code previous} runs (YARN started it
     * after {@code previous} was lost) and returns where it is.
     *
     * @throws IOException if the application ends first (its staging directory is then deleted), or
     *     {@code previous} still runs after {@code patience} (its JobManager is then merely unreachable)
     */
    public YarnApplication awaitNextAttempt(YarnApplication previous, Duration patience) throws IOException, YarnException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(previous.applicationId());
            YarnApplicationState state = report.getYarnApplicationState();
            boolean sameAttempt = previous.attemptId().equals(report.getCurrentApplicationAttemptId());
            if (state == YarnApplicationState.RUNNING && !sameAttempt) {
                return YarnApplication.of(report);
            }
            if (ENDED.contains(state)) {
                // its last ApplicationMaster was lost, so nothing else deletes the staging directory
                StagingDirectory.of(configuration, yarnConfiguration, previous.applicationId()).delete();
                throw new IOException("The YARN application " + previous.applicationId() + " ended " + state + " ("
                        + report.getFinalApplicationStatus() + "): " + report.getDiagnostics());
            }
            if (sameAttempt && state == YarnApplicationState.RUNNING && System.nanoTime() > deadline) {
                throw new IOException("The JobManager of YARN application " + previous.applicationId() + " at "
                        + previous.restHost() + ":" + previous.restPort() + " does not answer, though YARN reports its"
                        + " ApplicationMaster " + previous.attemptId() + " as running");
            }
            sleep(POLL_MILLIS);
        }
    }

    public ApplicationReport report(ApplicationId applicationId) throws IOException, YarnException {
        return yarnClient.getApplicationReport(applicationId);
    }

    /**
     * Kills the application, waits up to {@code timeout} for YARN to record its end and deletes its
     * staging directory (a killed ApplicationMaster cannot).
     */
    public void kill(ApplicationId applicationId, Duration timeout) throws IOException, YarnException {
        yarnClient.killApplication(applicationId);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ENDED.contains(report(applicationId).getYarnApplicationState()) && System.nanoTime() < deadline) {
            sleep(POLL_MILLIS);
        }
        StagingDirectory.of(configuration, yarnConfiguration, applicationId).delete();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis); // polling YARN's application report: the pace of the loop, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the YARN application", e);
        }
    }

    @Override
    public void close() {
        yarnClient.stop();
    }
}
