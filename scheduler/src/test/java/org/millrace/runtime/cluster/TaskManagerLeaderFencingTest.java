package org.millrace.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.entrypoint.ClusterOptions;
import org.millrace.runtime.highavailability.LeaderAddress;
import org.millrace.runtime.highavailability.LeaderContender;
import org.millrace.runtime.highavailability.LeaderElection;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.runtime.highavailability.ZooKeeperHaTesting;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.RpcServer;
import org.millrace.runtime.rpc.messages.Heartbeat;
import org.millrace.runtime.rpc.messages.RegisterTaskExecutor;
import org.millrace.runtime.rpc.messages.RegistrationResponse;
import org.millrace.runtime.rpc.messages.SubmitTask;

/**
 * A TaskManager of a ZooKeeper HA cluster (real ZooKeeper from Curator's TestingServer) follows the
 * leader: it registers under each new leader's session id, and refuses the orders of any other
 * session — those of a deposed leader.
 */
@Timeout(120)
class TaskManagerLeaderFencingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestingServer zooKeeper;
    private Configuration configuration;
    private CuratorFramework client;
    private RpcServer jobManager;
    private RpcClient rpcClient;
    private TaskManagerRunner taskManager;
    private final List<LeaderElection> elections = new ArrayList<>();
    /** The leader session ids the TaskManager registered under, in order. */
    private final BlockingQueue<String> registrations = new LinkedBlockingQueue<>();

    @BeforeEach
    void startZooKeeperAndATaskManager() throws Exception {
        zooKeeper = new TestingServer(true);
        configuration = ZooKeeperHaTesting.configuration(zooKeeper);
        configuration.set(ClusterOptions.TASK_MANAGER_HOST, "localhost");
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        client = ZooKeeperClients.start(configuration);
        // a stand-in JobManager: accepts every registration and notes its session id
        jobManager = new RpcServer("test-jobmanager", "localhost", 0);
        jobManager.registerHandler(RegisterTaskExecutor.class, (request, sender) -> {
            registrations.add(String.valueOf(request.getLeaderSessionId()));
            return CompletableFuture.completedFuture(RegistrationResponse.newBuilder().setAccepted(true)
                    .setMessage("registered").setHeartbeatIntervalMillis(1_000).setHeartbeatTimeoutMillis(60_000).build());
        });
        jobManager.start();
        rpcClient = new RpcClient("test-client", TIMEOUT);
        taskManager = new TaskManagerRunner(configuration);
        taskManager.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        taskManager.close();
        rpcClient.close();
        for (LeaderElection election : elections) {
            election.close();
        }
        jobManager.close();
        client.close();
        zooKeeper.close();
    }

    /** Elects a contender that publishes the stand-in JobManager's address; returns its session id. */
    private String elect() throws Exception {
        CompletableFuture<UUID> granted = new CompletableFuture<>();
        LeaderElection[] election = new LeaderElection[1];
        election[0] = new LeaderElection(client, "jobmanager", "contender-" + elections.size(), new LeaderContender() {
            @Override
            public void grantLeadership(UUID leaderSessionId) {
                LeaderAddress address = new LeaderAddress("localhost", jobManager.getAddress().getPort(), "http://localhost:1");
                election[0].confirmLeadership(leaderSessionId, address.format());
                granted.complete(leaderSessionId);
            }

            @Override
            public void revokeLeadership() {}
        });
        elections.add(election[0]);
        election[0].start();
        return granted.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).toString();
    }

    private String nextRegistration() throws InterruptedException {
        String session = registrations.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(session, "the TaskManager did not register");
        return session;
    }

    @Test
    void taskManagerRegistersWithEachNewLeaderUnderItsSession() throws Exception {
        String first = elect();
        assertEquals(first, nextRegistration());

        elections.remove(0).close(); // the leader steps down
        String second = elect();
        assertNotEquals(first, second);
        String registered = nextRegistration();
        while (!registered.equals(second)) { // a late retry under the first session may come before
            registered = nextRegistration();
        }
    }

    @Test
    void ordersOfAnotherLeaderSessionAreRefused() throws Exception {
        String session = elect();
        assertEquals(session, nextRegistration());
        String deposed = UUID.randomUUID().toString();

        SubmitTask submit = SubmitTask.newBuilder().setJobId(JobID.generate().toString()).setAttemptId("attempt")
                .setDescriptor(ByteBuffer.allocate(0)).setLeaderSessionId(deposed).build();
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> rpcClient.tell(taskManager.getRpcAddress(), submit, TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(refused.getCause().getMessage().contains("refuses orders of leader session " + deposed),
                refused.getCause().getMessage());

        Heartbeat heartbeat = Heartbeat.newBuilder().setSenderId("jobmanager").setLeaderSessionId(deposed).build();
        assertThrows(ExecutionException.class, () -> rpcClient.ask(taskManager.getRpcAddress(), heartbeat, Heartbeat.class,
                TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        Heartbeat fromLeader = Heartbeat.newBuilder().setSenderId("jobmanager").setLeaderSessionId(session).build();
        assertNotNull(rpcClient.ask(taskManager.getRpcAddress(), fromLeader, Heartbeat.class, TIMEOUT)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }
}
