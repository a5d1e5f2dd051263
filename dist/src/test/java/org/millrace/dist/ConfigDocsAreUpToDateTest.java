package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.ConfigDocsGenerator;
import org.millrace.configuration.ConfigOptionRegistry;

/**
 * The checked-in configuration reference must match the option declarations of every module; it
 * lives here because this module's class path holds them all, as the distribution's does.
 */
class ConfigDocsAreUpToDateTest {

    @Test
    void docsFileMatchesTheOptionDeclarations() throws IOException {
        Path docs = ConfigDocsGenerator.findRepositoryRoot(Path.of("")).resolve(ConfigDocsGenerator.DOCS_FILE);
        String expected = ConfigDocsGenerator.render(ConfigOptionRegistry.load());
        String actual = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            fail(ConfigDocsGenerator.DOCS_FILE + " is stale; run " + ConfigDocsGenerator.RUN_COMMAND);
        }
    }

    @Test
    void docsListEveryBuiltInKeyWithTypeAndDefault() {
        String docs = ConfigDocsGenerator.render(ConfigOptionRegistry.load());
        assertTrue(docs.contains("| `parallelism.default` | Integer | 1 |"), docs);
        assertTrue(docs.contains("| `execution.buffer-timeout` | Duration | 100 ms |"), docs);
        assertTrue(docs.contains("| `taskmanager.memory.segment-size` | MemorySize | 32 kb |"), docs);
        assertTrue(docs.contains("| `pipeline.max-parallelism` | Integer | (none) |"), docs);
        assertTrue(docs.contains("Possible values: [STREAMING, BATCH, AUTOMATIC]."), docs);
        assertTrue(docs.contains("Deprecated keys: local.number-taskmanager."), docs);
        assertTrue(docs.contains("| `shuffle.blocking.storage` |"), docs);
        assertTrue(docs.contains("| `jobmanager.rpc.port` | Integer | 6123 |"), docs);
        assertTrue(docs.contains("| `heartbeat.timeout` | Duration | 50 s |"), docs);
        assertTrue(docs.contains("| `restart-strategy.type` |"), docs);
    }
}
