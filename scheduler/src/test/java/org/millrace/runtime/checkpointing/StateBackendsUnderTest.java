package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.StateBackendOptions;

/** Configures a test job for one keyed state backend: the heap, or RocksDB with incremental checkpoints. */
final class StateBackendsUnderTest {

    private StateBackendsUnderTest() {}

    /** Sets {@code backend} ({@code hashmap} or {@code rocksdb}) on {@code conf}, RocksDB working below {@code localDirectory}. */
    static Configuration use(Configuration conf, String backend, Path localDirectory) {
        conf.setString(StateBackendOptions.STATE_BACKEND.key(), backend);
        if (backend.equals("rocksdb")) {
            conf.setString(StateBackendOptions.INCREMENTAL_CHECKPOINTS.key(), "true");
            conf.setString("state.backend.rocksdb.localdir", localDirectory.toString());
        }
        return conf;
    }

    /**
     * Checks that the job's keyed state was where the test asked: RocksDB backends create their
     * working directories below {@code localDirectory} (the heap backend never does) and delete them
     * when their task ends, so after the job it exists and is empty.
     */
    static void assertKeyedStateWasIn(boolean rocksdb, Path localDirectory) throws IOException {
        if (!rocksdb) {
            assertFalse(Files.exists(localDirectory), "the heap backend created " + localDirectory);
            return;
        }
        assertTrue(Files.isDirectory(localDirectory), "no RocksDB backend worked below " + localDirectory);
        try (Stream<Path> left = Files.list(localDirectory)) {
            assertEquals(List.of(), left.toList(), "working directories of closed RocksDB backends");
        }
    }
}
