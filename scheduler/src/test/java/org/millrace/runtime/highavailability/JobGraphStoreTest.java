package org.millrace.runtime.highavailability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The HA job stores on a real ZooKeeper (Curator's TestingServer) and a {@code file://} storage
 * directory through Hadoop's FileSystem: what a new leader reads back, and what is left after a job
 * ended.
 */
@Timeout(120)
class JobGraphStoreTest {

    @TempDir
    Path tmp;

    private TestingServer zooKeeper;
    private CuratorFramework client;
    private Configuration configuration;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
        configuration = ZooKeeperHaTesting.configuration(zooKeeper);
        configuration.set(HighAvailabilityOptions.HA_CLUSTER_ID, "/store-test");
        configuration.set(HighAvailabilityOptions.HA_STORAGE_PATH, tmp.resolve("ha").toUri().toString());
        client = ZooKeeperClients.start(configuration);
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        client.close();
        zooKeeper.close();
    }

    private static JobGraph jobGraph() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.fromSequence(1, 10).name("Numbers").print();
        return env.getJobGraph("stored job");
    }

    @Test
    void storedJobIsReadBackWithItsJobIdAndJarsInOrderUntilRemoved() throws Exception {
        JobGraph graph = jobGraph();
        Path first = Files.write(tmp.resolve("b-first.jar"), new byte[] {1, 2, 3});
        Path second = Files.write(tmp.resolve("a-second.jar"), new byte[] {4, 5});
        try (JobGraphStore store = new JobGraphStore(client, configuration)) {
            store.put(graph, List.of(first, second));
            assertEquals(List.of(graph.getJobID()), store.jobIds());

            JobGraphStore.RecoveredJob recovered = store.recover(graph.getJobID(), tmp.resolve("recovered"),
                    JobGraphStoreTest.class.getClassLoader());
            assertEquals(graph.getJobID(), recovered.jobGraph().getJobID());
            assertEquals("stored job", recovered.jobGraph().getName());
            assertEquals(List.of("b-first.jar", "a-second.jar"),
                    recovered.jars().stream().map(p -> p.getFileName().toString()).toList());
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(recovered.jars().get(0)));

            store.remove(graph.getJobID());
            assertEquals(List.of(), store.jobIds());
            assertFalse(Files.exists(tmp.resolve("ha/store-test/jobgraphs/" + graph.getJobID())));
            store.remove(graph.getJobID()); // removing twice is no error
        }
    }

    @Test
    void jobResultStoreRemembersOnlyJobsMarkedTerminal() throws Exception {
        JobResultStore results = new JobResultStore(client);
        JobID ended = JobID.generate();
        results.markTerminal(ended, "FINISHED");
        assertTrue(results.hasResult(ended));
        assertFalse(results.hasResult(JobID.generate()));
    }

    @Test
    void missingStorageDirIsRefusedNamingTheKey() {
        Configuration noStorage = new Configuration(configuration);
        noStorage.removeKey(HighAvailabilityOptions.HA_STORAGE_PATH.key());
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new JobGraphStore(client, noStorage));
        assertTrue(e.getMessage().contains("high-availability.storageDir"), e.getMessage());
    }

    @Test
    void leaderAddressReadsBackWhatItWrites() {
        LeaderAddress address = new LeaderAddress("host-1", 6123, "http://host-1:8081");
        assertEquals(address, LeaderAddress.parse(address.format()));
        assertEquals(8081, address.restAddress().getPort());
        assertThrows(IllegalArgumentException.class, () -> LeaderAddress.parse("no-port"));
    }
}
