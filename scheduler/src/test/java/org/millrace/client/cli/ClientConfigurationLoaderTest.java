package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.IllegalConfigurationException;

class ClientConfigurationLoaderTest {

    @TempDir
    Path confDir;

    private static Map<String, String> options(Integer parallelism, Map<String, String> dynamic) {
        return new RunOptions("job.jar", null, parallelism, false, ClusterTarget.CONFIGURED, dynamic, List.of(), false)
                .configurationSettings();
    }

    private Map<String, String> confDirWith(String content) throws IOException {
        Files.writeString(confDir.resolve("flink-conf.yaml"), content);
        return Map.of("FLINK_CONF_DIR", confDir.toString());
    }

    @Test
    void flinkConfDirWinsOverMillraceConfDirWhichWinsOverHome() {
        assertEquals(Optional.of("/a"), ClientConfigurationLoader.resolveConfDir(
                Map.of("FLINK_CONF_DIR", "/a", "MILLRACE_CONF_DIR", "/b", "MILLRACE_HOME", "/c")));
        assertEquals(Optional.of("/b"), ClientConfigurationLoader.resolveConfDir(
                Map.of("MILLRACE_CONF_DIR", "/b", "MILLRACE_HOME", "/c")));
        assertEquals(Optional.of(Paths.get("/c", "conf").toString()),
                ClientConfigurationLoader.resolveConfDir(Map.of("MILLRACE_HOME", "/c")));
        assertEquals(Optional.empty(), ClientConfigurationLoader.resolveConfDir(Map.of("FLINK_CONF_DIR", " ")));
    }

    @Test
    void dynamicPropertiesWinOverTheFileAndParallelismOptionWinsOverBoth() throws IOException {
        Map<String, String> env = confDirWith("parallelism.default: 2\nrest.port: 9000\n");
        Configuration fromFile = ClientConfigurationLoader.load(env, options(null, Map.of()));
        assertEquals(2, fromFile.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("9000", fromFile.getString("rest.port", null));

        Configuration withDynamic = ClientConfigurationLoader.load(env, options(null, Map.of("parallelism.default", "3")));
        assertEquals(3, withDynamic.get(CoreOptions.DEFAULT_PARALLELISM));

        Configuration withP = ClientConfigurationLoader.load(env, options(5, Map.of("parallelism.default", "3")));
        assertEquals(5, withP.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void withoutAnyConfigurationTheDeclaredDefaultParallelismIsSet() {
        Configuration conf = ClientConfigurationLoader.load(Map.of(), options(null, Map.of()));
        assertEquals(Optional.of(1), conf.getOptional(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void malformedDynamicPropertyFailsNamingTheKeyAndTheExpectedType() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ClientConfigurationLoader.load(Map.of(), options(null, Map.of("parallelism.default", "abc"))));
        assertTrue(e.getMessage().contains("'parallelism.default'"), e.getMessage());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
    }

    @Test
    void missingConfigurationDirectoryIsReported() {
        Path missing = confDir.resolve("nope");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ClientConfigurationLoader.load(Map.of("FLINK_CONF_DIR", missing.toString()), options(null, Map.of())));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
