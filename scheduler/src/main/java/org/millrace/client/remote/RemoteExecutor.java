package org.millrace.client.remote;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.client.ClientOptions;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.runtime.highavailability.LeaderFollowingJobResults;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * Submits jobs to a running session cluster over REST ({@code execution.target: remote}): the job
 * graph goes to {@code rest.address}:{@code rest.port} together with the JARs of
 * {@code pipeline.jars}, which the cluster loads the job's classes from. The returned future
 * completes once the cluster has accepted the job; with {@code execution.attached: false}
 * ({@code flink run -d}) the returned client does not follow the job further. On a ZooKeeper HA
 * cluster an attached client follows the job to each new leader.
 */
public final class RemoteExecutor implements PipelineExecutor {

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader) {
        List<Path> jars = jarFiles(configuration);
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        RestClusterClient client = new RestClusterClient(configuration);
        RemoteJobClient.ResultFollower follower = ZooKeeperClients.isZooKeeperHa(configuration)
                ? new LeaderFollowingJobResults(configuration)::follow
                : RestClusterClient::requestJobResult;
        return client.submitJob(jobGraph, jars)
                .thenApply(jobId -> new RemoteJobClient(client, jobId, userCodeClassLoader, attached, follower));
    }

    /**
     * The files named by {@code pipeline.jars}: plain paths or {@code file:} URLs, which must exist.
     *
     * @throws IllegalConfigurationException naming the key and the entry that is not a local file
     */
    static List<Path> jarFiles(Configuration configuration) {
        List<String> entries = configuration.get(ClientOptions.PIPELINE_JARS);
        List<Path> jars = new ArrayList<>();
        if (entries == null) {
            return jars;
        }
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = toPath(entry.strip());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalConfigurationException("Invalid value '" + entry + "' for configuration key '"
                        + ClientOptions.PIPELINE_JARS.key() + "': the JAR file " + jar.toAbsolutePath() + " does not exist");
            }
            jars.add(jar);
        }
        return jars;
    }

    private static Path toPath(String entry) {
        int colon = entry.indexOf(':');
        boolean hasScheme = colon > 1 && entry.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!hasScheme) {
            return Paths.get(entry);
        }
        if (!entry.regionMatches(true, 0, "file:", 0, 5)) {
            throw new IllegalConfigurationException("Invalid value '" + entry + "' for configuration key '"
                    + ClientOptions.PIPELINE_JARS.key() + "': only local files (paths or file: URLs) can be uploaded");
        }
        try {
            return Paths.get(URI.create(entry));
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("Invalid value '" + entry + "' for configuration key '"
                    + ClientOptions.PIPELINE_JARS.key() + "': " + e.getMessage());
        }
    }
}
