package org.millrace.runtime.highavailability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the leader of a component through ZooKeeper: watches the node its
 * {@link LeaderElection} publishes and tells the listener every address and session id it holds,
 * and "no leader" while the node is absent. TaskManagers and clients use it to find the current
 * JobManager.
 */
public final class LeaderRetrieval implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderRetrieval.class);

    private final CuratorCache cache;
    private final LeaderRetrievalListener listener;
    private final String component;

    public LeaderRetrieval(CuratorFramework client, String component, LeaderRetrievalListener listener) {
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
        cache.start();
    }

    private void published(ChildData node) {
        String text = new String(node.getData(), StandardCharsets.UTF_8);
        int newline = text.lastIndexOf('\n');
        try {
            listener.notifyLeaderAddress(text.substring(0, newline), UUID.fromString(text.substring(newline + 1)));
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a malformed leader entry of {}: '{}'", component, text);
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}
