package org.millrace.runtime.highavailability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the leader of a component through ZooKeeper: watches the node its
 * {@link LeaderElection} publishes and tells the listener every address and session id it holds,
 * and "no leader" while the node is absent. TaskManagers and clients use it to find the current
 * JobManager. The listener may hear the same leader more than once (after a reconnection the node
 * is read again, as changes made while disconnected may not have been announced).
 */
public final class LeaderRetrieval implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderRetrieval.class);

    private final CuratorFramework client;
    private final CuratorCache cache;
    private final ConnectionStateListener reconnection = (c, state) -> {
        if (state == ConnectionState.RECONNECTED) {
            refresh();
        }
    };
    private final LeaderRetrievalListener listener;
    private final String component;

    public LeaderRetrieval(CuratorFramework client, String component, LeaderRetrievalListener listener) {
        this.client = client;
        this.component = component;
        this.listener = listener;
        this.cache = CuratorCache.build(client, LeaderElection.connectionInfoPath(component),
                CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((oldNode, node) -> published(node))
                .forDeletes(node -> listener.notifyLeaderAddress(null, null))
                .build());
    }

    public void start() {
        client.getConnectionStateListenable().addListener(reconnection);
        cache.start();
    }

    /**
     * Reads the leader node now and tells the listener what it holds, e.g. when a TaskManager's
     * registration is refused because its view of the leader may be stale.
     */
    public void refresh() {
        try {
            published(client.getData().forPath(LeaderElection.connectionInfoPath(component)));
        } catch (KeeperException.NoNodeException e) {
            listener.notifyLeaderAddress(null, null);
        } catch (Exception e) {
            LOG.warn("Could not read the leader of {} from ZooKeeper: {}", component, e.toString());
        }
    }

    private void published(ChildData node) {
        published(node.getData());
    }

    private void published(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int newline = text.lastIndexOf('\n');
        try {
            listener.notifyLeaderAddress(text.substring(0, newline), UUID.fromString(text.substring(newline + 1)));
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a malformed leader entry of {}: '{}'", component, text);
        }
    }

    @Override
    public void close() {
        client.getConnectionStateListenable().removeListener(reconnection);
        cache.close();
    }
}
