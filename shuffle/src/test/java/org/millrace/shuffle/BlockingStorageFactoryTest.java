package org.millrace.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.configuration.ConfigOptionRegistry;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.shuffle.blocking.BlockingStorage;
import org.millrace.shuffle.blocking.LocalSpillStorage;
import org.millrace.shuffle.hadoop.HadoopSpillStorage;
import org.millrace.shuffle.partition.ResultPartitionID;

class BlockingStorageFactoryTest {

    @TempDir
    Path dir;

    @Test
    void unsetStorageIsAPrivateDirectoryInTheTempDirectory() throws Exception {
        try (BlockingStorage storage = BlockingStorageFactory.create(new Configuration(), Map.of())) {
            assertFalse(storage.isShared());
            assertTrue(Path.of(storage.root()).startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
            assertTrue(Path.of(storage.root()).getFileName().toString().startsWith("millrace-shuffle-"));
            assertInstanceOf(LocalSpillStorage.class, storage.files());
        }
    }

    @Test
    void plainPathIsAPrivateDirectoryBelowIt() throws Exception {
        try (BlockingStorage storage = BlockingStorageFactory.create(withStorage(dir + "/spill area"), Map.of())) {
            assertFalse(storage.isShared());
            assertEquals(dir.resolve("spill area"), Path.of(storage.root()).getParent());
        }
    }

    @Test
    void uriIsSharedHadoopStorageLaidOutByJobAndPartition() throws Exception {
        String root = dir.toUri() + "shared/";
        JobID job = JobID.fromHexString("0123456789abcdef0123456789abcdef");
        try (BlockingStorage storage = BlockingStorageFactory.create(withStorage(root), Map.of())) {
            assertTrue(storage.isShared());
            assertInstanceOf(HadoopSpillStorage.class, storage.files());
            assertEquals(dir.toUri() + "shared/0123456789abcdef0123456789abcdef/map_3@attempt-1",
                    storage.partitionDirectory(job, new ResultPartitionID("map#3", "attempt-1")));
        }
    }

    @Test
    void malformedUriFailsNamingTheKey() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> BlockingStorageFactory.create(withStorage("hdfs://name node/spill"), Map.of()));
        assertTrue(e.getMessage().startsWith("Invalid value for 'shuffle.blocking.storage': 'hdfs://name node/spill'"),
                e.getMessage());
    }

    @Test
    void optionsAreKnownToTheRegistryThroughTheModulesProvider() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.load();

        assertEquals(BlockingShuffleOptions.STORAGE, registry.find("shuffle.blocking.storage").orElseThrow());
        assertEquals(BlockingShuffleOptions.STORAGE_BUFFER_SIZE,
                registry.find("shuffle.blocking.storage.buffer-size").orElseThrow());
    }

    private static Configuration withStorage(String value) {
        Configuration conf = new Configuration();
        conf.set(BlockingShuffleOptions.STORAGE, value);
        return conf;
    }
}
