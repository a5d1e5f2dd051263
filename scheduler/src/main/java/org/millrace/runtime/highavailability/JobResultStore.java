package org.millrace.runtime.highavailability;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.millrace.api.common.JobID;

/**
 * Which jobs reached a terminal state, in ZooKeeper ({@code /jobresults/<jobId>} holding the
 * status): written before a job leaves the {@link JobGraphStore}, so a leader that finds a job in
 * both (the previous leader died in between) cleans it up instead of running it again.
 */
public final class JobResultStore {

    private static final String NODES = "/jobresults";

    private final CuratorFramework client;

    public JobResultStore(CuratorFramework client) {
        this.client = client;
    }

    /** Records the terminal status (e.g. FINISHED, FAILED, CANCELED) of a job. */
    public void markTerminal(JobID jobId, String status) throws Exception {
        byte[] data = status.getBytes(StandardCharsets.UTF_8);
        try {
            client.create().creatingParentsIfNeeded().forPath(NODES + "/" + jobId, data);
        } catch (KeeperException.NodeExistsException e) {
            client.setData().forPath(NODES + "/" + jobId, data);
        }
    }

    /** Whether the job has a terminal status recorded. */
    public boolean hasResult(JobID jobId) throws Exception {
        return client.checkExists().forPath(NODES + "/" + jobId) != null;
    }
}
