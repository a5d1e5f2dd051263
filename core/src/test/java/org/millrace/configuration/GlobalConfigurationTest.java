package org.millrace.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {

    @TempDir
    Path confDir;

    private Path write(String fileName, String... lines) throws IOException {
        return Files.writeString(confDir.resolve(fileName), String.join("\n", lines) + "\n");
    }

    private Map<String, String> load() {
        return GlobalConfiguration.loadConfiguration(confDir.toString()).toMap();
    }

    private String loadError() {
        return assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(confDir.toString())).getMessage();
    }

    @Test
    void readsFlatKeyValueLinesSkippingCommentsAndBlankLines() throws IOException {
        write("flink-conf.yaml",
                "# The JobManager",
                "jobmanager.rpc.address: localhost",
                "",
                "   # indented comment",
                "jobmanager.rpc.port: 6123   # trailing comment",
                "high-availability.zookeeper.quorum: zk1:2181,zk2:2181",
                "state.checkpoints.dir: hdfs://nn:8020/flink/checkpoints#not-a-comment",
                "pipeline.name: it's a job");

        assertEquals(Map.of(
                        "jobmanager.rpc.address", "localhost",
                        "jobmanager.rpc.port", "6123",
                        "high-availability.zookeeper.quorum", "zk1:2181,zk2:2181",
                        "state.checkpoints.dir", "hdfs://nn:8020/flink/checkpoints#not-a-comment",
                        "pipeline.name", "it's a job"),
                load());
    }

    @Test
    void quotedValuesKeepHashesSpacesAndEscapes() throws IOException {
        write("flink-conf.yaml",
                "a: \"value # with hash\"  # comment",
                "b: '  padded  '",
                "c: 'it''s'",
                "d: \"say \\\"hi\\\"\\tnow\"",
                "e: \"\"");

        assertEquals(Map.of("a", "value # with hash", "b", "  padded  ", "c", "it's", "d", "say \"hi\"\tnow", "e", ""),
                load());
    }

    @Test
    void typedOptionsParseValuesReadFromTheFile() throws IOException {
        write("flink-conf.yaml", "parallelism.default: 4", "execution.buffer-timeout: 10 ms");
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        assertEquals(4, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(Duration.ofMillis(10), conf.get(ExecutionOptions.BUFFER_TIMEOUT));
    }

    @Test
    void lineWithoutColonSpaceFailsNamingFileAndLine() throws IOException {
        Path file = write("flink-conf.yaml", "# header", "parallelism.default: 2", "taskmanager.numberOfTaskSlots=4");
        assertEquals("Malformed line 3 in " + file.toAbsolutePath()
                        + ": expected 'key: value' (with a space after the colon) but found 'taskmanager.numberOfTaskSlots=4'",
                loadError());
    }

    @Test
    void keyWithoutValueFailsNamingItsLine() throws IOException {
        Path file = write("flink-conf.yaml", "rest.port:", "parallelism.default: 2");
        assertEquals("Malformed line 1 in " + file.toAbsolutePath() + ": no value for key 'rest.port'", loadError());
    }

    @Test
    void unterminatedQuoteFailsNamingItsLine() throws IOException {
        Path file = write("flink-conf.yaml", "a: 1", "pipeline.name: \"word count");
        assertEquals("Malformed line 2 in " + file.toAbsolutePath() + ": unterminated quote in '\"word count'",
                loadError());
    }

    @Test
    void yamlListFailsWithAHint() throws IOException {
        Path file = write("config.yaml", "env:", "  java:", "    - -Xmx1g");
        assertEquals("Malformed line 3 in " + file.toAbsolutePath()
                        + ": YAML lists are not supported; write the values on one line separated by ';'",
                loadError());
    }

    @Test
    void configYamlNestedSectionsBecomeDottedKeys() throws IOException {
        write("config.yaml",
                "taskmanager:",
                "  numberOfTaskSlots: 4",
                "  memory:",
                "    segment-size: 64kb",
                "    network.max: 128 mb",
                "parallelism.default: 2",
                "execution:",
                "  runtime-mode: BATCH");

        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        assertEquals(Map.of(
                        "taskmanager.numberOfTaskSlots", "4",
                        "taskmanager.memory.segment-size", "64kb",
                        "taskmanager.memory.network.max", "128 mb",
                        "parallelism.default", "2",
                        "execution.runtime-mode", "BATCH"),
                conf.toMap());
        assertEquals(MemorySize.ofMebiBytes(128), conf.get(TaskManagerOptions.NETWORK_MEMORY_MAX));
    }

    @Test
    void laterDuplicateKeyWins() throws IOException {
        write("flink-conf.yaml", "rest.port: 8081", "rest.port: 9091");
        assertEquals(Map.of("rest.port", "9091"), load());
    }

    @Test
    void dynamicPropertiesOverrideTheFile() throws IOException {
        write("flink-conf.yaml", "parallelism.default: 2", "rest.port: 8081");
        Configuration dynamic = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 8);
        dynamic.setString("pipeline.name", "from -D");

        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString(), dynamic);

        assertEquals(8, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("8081", conf.getString("rest.port", null));
        assertEquals("from -D", conf.get(PipelineOptions.NAME));
    }

    @Test
    void emptyFileGivesEmptyConfiguration() throws IOException {
        write("flink-conf.yaml", "# nothing configured");
        assertEquals(Map.of(), load());
    }

    @Test
    void missingFileFailsNamingTheDirectory() {
        assertEquals("No configuration file in '" + confDir.toAbsolutePath()
                + "': expected flink-conf.yaml or config.yaml", loadError());
    }

    @Test
    void missingDirectoryFailsNamingIt() {
        Path missing = confDir.resolve("nope");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(missing.toString()));
        assertEquals("The configuration directory '" + missing.toAbsolutePath()
                + "' does not exist or is not a directory", e.getMessage());
    }

    @Test
    void bothFileNamesPresentIsAnError() throws IOException {
        write("flink-conf.yaml", "a: 1");
        write("config.yaml", "a: 2");
        assertEquals("Both flink-conf.yaml and config.yaml exist in '" + confDir.toAbsolutePath()
                + "'; keep only one of them", loadError());
    }

    @Test
    void shippedDefaultConfigurationLoadsAndValidates() {
        Path conf = ConfigDocsGenerator.findRepositoryRoot(Path.of("")).resolve("conf");
        Configuration loaded = GlobalConfiguration.loadConfiguration(conf.toString());
        ConfigOptionRegistry.load().validate(loaded);
        assertEquals(1, loaded.get(TaskManagerOptions.NUM_TASK_SLOTS));
        assertEquals(6123, Integer.parseInt(loaded.getString("jobmanager.rpc.port", null)));
        assertEquals(Duration.ofMillis(100), loaded.get(ExecutionOptions.BUFFER_TIMEOUT));
    }
}
