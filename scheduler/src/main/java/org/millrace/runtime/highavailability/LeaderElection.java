package org.millrace.runtime.highavailability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's candidacy for leading a component (e.g. the JobManager) through ZooKeeper:
 * Curator's {@link LeaderLatch} elects; the elected contender gets a fresh leader session id (the
 * fencing token its orders carry) and publishes its address with it in an ephemeral node that
 * {@link LeaderRetrieval} watches. When the ZooKeeper connection is merely suspended, leadership is
 * revoked at once: the contender may still be leader, but it cannot know, and another may be
 * elected after the session ends — so it stops acting until ZooKeeper confirms it again (no split
 * brain, following Curator's connection-state semantics).
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final CuratorFramework client;
    private final String component;
    private final LeaderContender contender;
    private final LeaderLatch latch;
    private final String connectionInfoPath;
    private final ConnectionStateListener connectionListener = this::connectionStateChanged;
    private UUID leaderSessionId;
    private boolean closed;

    public LeaderElection(CuratorFramework client, String component, String participantId, LeaderContender contender) {
        this.client = client;
        this.component = component;
        this.contender = contender;
        this.latch = new LeaderLatch(client, "/leader/" + component + "/latch", participantId);
        this.connectionInfoPath = connectionInfoPath(component);
    }

    static String connectionInfoPath(String component) {
        return "/leader/" + component + "/connection_info";
    }

    /** Joins the election; the contender hears about the outcome on Curator's event thread. */
    public void start() throws Exception {
        client.getConnectionStateListenable().addListener(connectionListener);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                granted();
            }

            @Override
            public void notLeader() {
                revoked("ZooKeeper elected another leader");
            }
        });
        latch.start();
    }

    private synchronized void granted() {
        if (closed || !latch.hasLeadership()) {
            return;
        }
        leaderSessionId = UUID.randomUUID();
        LOG.info("{} was granted leadership of {} with session id {}", latch.getId(), component, leaderSessionId);
        contender.grantLeadership(leaderSessionId);
    }

    private synchronized void revoked(String why) {
        if (leaderSessionId == null) {
            return;
        }
        LOG.warn("{} lost leadership of {} (session id {}): {}", latch.getId(), component, leaderSessionId, why);
        leaderSessionId = null;
        contender.revokeLeadership();
    }

    private void connectionStateChanged(CuratorFramework c, ConnectionState state) {
        switch (state) {
            case SUSPENDED -> revoked("the ZooKeeper connection is suspended; leadership cannot be confirmed");
            case LOST -> revoked("the ZooKeeper session was lost");
            case RECONNECTED -> LOG.info("Reconnected to ZooKeeper; the election of {} decides again", component);
            default -> { }
        }
    }

    /**
     * Publishes the leader's address for {@code leaderSessionId}, if that session is still the
     * current leadership; returns false (publishing nothing) otherwise.
     */
    public synchronized boolean confirmLeadership(UUID leaderSessionId, String address) {
        if (closed || !leaderSessionId.equals(this.leaderSessionId) || !latch.hasLeadership()) {
            return false;
        }
        byte[] data = (address + "\n" + leaderSessionId).getBytes(StandardCharsets.UTF_8);
        try {
            try {
                // an earlier leader's ephemeral node would vanish with that leader's session: replace it
                client.delete().forPath(connectionInfoPath);
            } catch (KeeperException.NoNodeException nothingToReplace) {
                // first leader
            }
            client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(connectionInfoPath, data);
            LOG.info("Published leader address {} of {} (session id {})", address, component, leaderSessionId);
            return true;
        } catch (Exception e) {
            LOG.warn("Could not publish the leader address of {}: {}", component, e.toString());
            return false;
        }
    }

    /** Whether {@code leaderSessionId} is this process's current leadership (for fencing checks). */
    public synchronized boolean hasLeadership(UUID leaderSessionId) {
        return leaderSessionId != null && leaderSessionId.equals(this.leaderSessionId) && latch.hasLeadership();
    }

    /** Leaves the election; a leader is revoked first. */
    @Override
    public void close() throws Exception {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            revoked("the process leaves the election");
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        latch.close();
    }
}
