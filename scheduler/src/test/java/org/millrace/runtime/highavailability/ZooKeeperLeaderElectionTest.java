package org.millrace.runtime.highavailability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

/**
 * Leader election and retrieval on a real ZooKeeper (Curator's TestingServer): one leader at a
 * time, hand-over when it leaves or its session ends, the address followers see, and leadership
 * revoked as soon as the connection is suspended — never two contenders acting at once.
 */
@Timeout(120)
class ZooKeeperLeaderElectionTest {

    private static final String COMPONENT = "jobmanager";

    private TestingServer zooKeeper;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Contenders currently acting as leader, and the most there ever were at once. */
    private final AtomicInteger acting = new AtomicInteger();
    private final AtomicInteger mostActingAtOnce = new AtomicInteger();

    /** Acts while granted; confirms with its address at once, as the JobManager will. */
    private final class Contender implements LeaderContender {
        final String address;
        volatile LeaderElection election;
        volatile UUID session;

        Contender(String address) {
            this.address = address;
        }

        @Override
        public synchronized void grantLeadership(UUID leaderSessionId) {
            session = leaderSessionId;
            mostActingAtOnce.accumulateAndGet(acting.incrementAndGet(), Math::max);
            election.confirmLeadership(leaderSessionId, address);
        }

        @Override
        public synchronized void revokeLeadership() {
            session = null;
            acting.decrementAndGet();
        }

        boolean leads() {
            return session != null;
        }
    }

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        zooKeeper.close();
    }

    private Configuration haConfiguration() {
        Configuration conf = new Configuration();
        conf.setString("high-availability.type", "zookeeper");
        conf.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        conf.setString("high-availability.cluster-id", "election-test");
        conf.setString("high-availability.zookeeper.client.session-timeout", "4 s");
        conf.setString("high-availability.zookeeper.client.connection-timeout", "2 s");
        conf.setString("high-availability.zookeeper.client.retry-wait", "100 ms");
        return conf;
    }

    private CuratorFramework client() {
        CuratorFramework client = ZooKeeperClients.start(haConfiguration());
        toClose.add(client);
        return client;
    }

    private Contender contender(CuratorFramework client, String address) throws Exception {
        Contender contender = new Contender(address);
        contender.election = new LeaderElection(client, COMPONENT, address, contender);
        toClose.add(contender.election);
        contender.election.start();
        return contender;
    }

    private AtomicReference<String> follow(CuratorFramework client) {
        AtomicReference<String> address = new AtomicReference<>();
        LeaderRetrieval retrieval = new LeaderRetrieval(client, COMPONENT, (leader, session) -> address.set(leader));
        toClose.add(retrieval);
        retrieval.start();
        return address;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20); // polling an observable condition
        }
    }

    @Test
    void exactlyOneOfTwoContendersLeadsAndFollowersFindItsAddress() throws Exception {
        Contender first = contender(client(), "jm-1:6123");
        Contender second = contender(client(), "jm-2:6123");
        AtomicReference<String> followed = follow(client());

        await(() -> first.leads() || second.leads(), "a leader is elected");
        Contender leader = first.leads() ? first : second;
        await(() -> leader.address.equals(followed.get()), "the follower sees the leader's address");

        assertFalse(first.leads() && second.leads());
        assertEquals(1, mostActingAtOnce.get());
        assertTrue(leader.election.hasLeadership(leader.session));
        assertFalse(leader.election.hasLeadership(UUID.randomUUID()), "a foreign session id is fenced off");
    }

    @Test
    void whenTheLeaderLeavesTheOtherTakesOverAndFollowersMoveOn() throws Exception {
        Contender first = contender(client(), "jm-1:6123");
        await(first::leads, "the first contender leads");
        Contender second = contender(client(), "jm-2:6123");
        AtomicReference<String> followed = follow(client());
        await(() -> "jm-1:6123".equals(followed.get()), "the follower sees jm-1");
        UUID firstSession = first.session;

        first.election.close();

        await(second::leads, "the second contender takes over");
        await(() -> "jm-2:6123".equals(followed.get()), "the follower moves to jm-2");
        assertFalse(first.leads());
        assertNotEquals(firstSession, second.session, "every leadership has its own session id");
        assertEquals(1, mostActingAtOnce.get());
    }

    @Test
    void suspendedConnectionRevokesLeadershipAndTwoLeadersNeverActAtOnce() throws Exception {
        Contender first = contender(client(), "jm-1:6123");
        Contender second = contender(client(), "jm-2:6123");
        await(() -> first.leads() || second.leads(), "a leader is elected");

        zooKeeper.stop();
        await(() -> !first.leads() && !second.leads(), "nobody acts while ZooKeeper cannot confirm the leader");
        zooKeeper.restart();
        await(() -> first.leads() || second.leads(), "a leader is elected again");

        assertEquals(1, mostActingAtOnce.get(), "two contenders acted as leader at the same time");
    }

    @Test
    void misconfiguredHaNamesTheKey() {
        Configuration noQuorum = new Configuration();
        noQuorum.setString("high-availability.type", "zookeeper");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ZooKeeperClients.start(noQuorum));
        assertTrue(e.getMessage().contains("'high-availability.zookeeper.quorum'"), e.getMessage());

        Configuration badMode = new Configuration();
        badMode.setString("high-availability", "etcd");
        e = assertThrows(IllegalConfigurationException.class, () -> ZooKeeperClients.isZooKeeperHa(badMode));
        assertTrue(e.getMessage().contains("'high-availability.type'") && e.getMessage().contains("ZOOKEEPER"),
                e.getMessage());
        assertTrue(ZooKeeperClients.isZooKeeperHa(noQuorum));
        assertFalse(ZooKeeperClients.isZooKeeperHa(new Configuration()));
    }
}
