package org.millrace.runtime.highavailability;

import java.nio.ByteBuffer;
import java.util.function.LongUnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.millrace.runtime.checkpoint.CheckpointIdCounter;

/**
 * A job's checkpoint id counter in one ZooKeeper node ({@code /checkpoint-counter/<jobId>}, the next
 * id as 8 bytes), changed only by versioned writes: a new leader continues above every id any earlier
 * leader handed out, so no checkpoint directory is ever reused.
 */
public final class ZooKeeperCheckpointIdCounter implements CheckpointIdCounter {

    static final String ROOT = "/checkpoint-counter";
    private static final long FIRST_ID = 1;

    private final CuratorFramework client;
    private final String path;

    public ZooKeeperCheckpointIdCounter(CuratorFramework client, String jobId) {
        this.client = client;
        this.path = ROOT + "/" + jobId;
    }

    @Override
    public long getAndIncrement() throws Exception {
        return update(next -> next + 1);
    }

    @Override
    public void raiseTo(long next) throws Exception {
        update(current -> Math.max(current, next));
    }

    /** Replaces the stored next id by {@code change} of it (retrying on concurrent writes); returns the old one. */
    private long update(LongUnaryOperator change) throws Exception {
        while (true) {
            Stat stat = new Stat();
            byte[] stored;
            try {
                stored = client.getData().storingStatIn(stat).forPath(path);
            } catch (KeeperException.NoNodeException e) {
                try {
                    client.create().creatingParentsIfNeeded().forPath(path, encode(FIRST_ID));
                } catch (KeeperException.NodeExistsException created) {
                    // another JobManager created it first: read theirs
                }
                continue;
            }
            long current = ByteBuffer.wrap(stored).getLong();
            try {
                client.setData().withVersion(stat.getVersion()).forPath(path, encode(change.applyAsLong(current)));
                return current;
            } catch (KeeperException.BadVersionException e) {
                // changed since we read it: read again
            }
        }
    }

    private static byte[] encode(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
