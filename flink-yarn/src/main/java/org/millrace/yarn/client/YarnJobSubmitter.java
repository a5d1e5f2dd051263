package org.millrace.yarn.client;

import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.remote.RemoteExecutor;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.runtime.highavailability.HighAvailabilityOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.yarn.client.YarnClusterDescriptor.YarnApplication;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * Runs a job on YARN: in a new per-job application, or in the running session
 * {@code yarn.application.id}. Either way the job (with its JARs) is then submitted to the
 * ApplicationMaster's REST API exactly as to a standalone session ({@link RemoteExecutor}); a per-job
 * ApplicationMaster ends its application once the job ended and its result was fetched. An attached
 * per-job client follows the job to later ApplicationMaster attempts ({@link YarnJobClient}).
 */
final class YarnJobSubmitter implements PipelineExecutor {

    private final boolean perJob;

    YarnJobSubmitter(boolean perJob) {
        this.perJob = perJob;
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader) {
        YarnApplication application;
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration, System.out)) {
            if (perJob) {
                application = descriptor.deploy(YarnPerJobExecutorFactory.NAME);
                if (!configuration.get(DeploymentOptions.ATTACHED)) {
                    System.out.println("The job runs in YARN application " + application.applicationId()
                            + "; to stop it: yarn application -kill " + application.applicationId());
                }
            } else {
                String id = configuration.getOptional(YarnConfigOptions.APPLICATION_ID).orElseThrow(() ->
                        new IllegalConfigurationException("execution.target 'yarn-session' needs "
                                + YarnConfigOptions.APPLICATION_ID.key() + " (-Dyarn.application.id=application_...)"));
                application = descriptor.retrieve(id);
            }
        } catch (java.io.IOException | YarnException e) {
            return CompletableFuture.failedFuture(e);
        }
        Configuration rest = new Configuration(configuration);
        rest.set(RestClientOptions.ADDRESS, application.restHost());
        rest.set(RestClientOptions.PORT, application.restPort());
        if (!rest.contains(HighAvailabilityOptions.HA_CLUSTER_ID)) {
            // with high availability an attached client finds the next leader in the application's ZooKeeper nodes
            rest.set(HighAvailabilityOptions.HA_CLUSTER_ID, application.applicationId().toString());
        }
        CompletableFuture<JobClient> submitted = new RemoteExecutor().execute(jobGraph, rest, userCodeClassLoader);
        if (!perJob || !configuration.get(DeploymentOptions.ATTACHED)) {
            return submitted;
        }
        // a per-job application's later ApplicationMaster attempt runs the job again: the client follows it there
        YarnApplication deployed = application;
        return submitted.thenApply(job -> YarnJobClient.follow(job.getJobID(), deployed, configuration,
                userCodeClassLoader, System.out));
    }
}
