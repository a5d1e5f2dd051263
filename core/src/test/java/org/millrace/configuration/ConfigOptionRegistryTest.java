package org.millrace.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOptionRegistryTest {

    /** An option holder as another module would declare it. */
    public static final class PluginOptions {
        public static final ConfigOption<Integer> PLUGIN_THREADS =
                ConfigOptions.key("plugin.threads").intType().defaultValue(2).withDescription("Threads.");

        private PluginOptions() {}
    }

    /** Registered through a services file in a temporary class path entry (see below). */
    public static final class PluginOptionProvider implements ConfigOptionProvider {
        @Override
        public List<Class<?>> optionHolders() {
            return List.of(PluginOptions.class);
        }
    }

    /** Declares a key that CoreOptions already owns. */
    public static final class ConflictingOptions {
        public static final ConfigOption<String> PARALLELISM =
                ConfigOptions.key("parallelism.default").stringType().noDefaultValue();

        private ConflictingOptions() {}
    }

    @TempDir
    Path classPathEntry;

    @Test
    void validateFindsTheBadKeyAmongGoodOnes() {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "4");
        conf.setString("taskmanager.memory.network.max", "128 mb");
        conf.setString("execution.buffer-timeout", "soon");

        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ConfigOptionRegistry.load().validate(conf));
        assertEquals("Invalid value 'soon' for configuration key 'execution.buffer-timeout':"
                + " expected a duration like '100 ms', '10 s' or '1 min'", e.getMessage());
    }

    @Test
    void validateChecksValuesUnderDeprecatedKeys() {
        Configuration conf = new Configuration();
        conf.setString("local.number-taskmanager", "two");

        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ConfigOptionRegistry.load().validate(conf));
        assertEquals("Invalid value 'two' for configuration key 'local.number-taskmanager': expected an integer (e.g. 4)",
                e.getMessage());
    }

    @Test
    void validateReportsUnknownKeysWithoutFailing() {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "4");
        conf.setString("metrics.reporter.prom.port", "9249");
        conf.setString("paralelism.default", "4");

        assertEquals(Set.of("metrics.reporter.prom.port", "paralelism.default"), ConfigOptionRegistry.load().validate(conf));
    }

    @Test
    void findsOptionsByMainAndDeprecatedKey() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.load();
        assertEquals(Optional.of(CoreOptions.DEFAULT_PARALLELISM), registry.find("parallelism.default"));
        assertEquals(Optional.of(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS),
                registry.find("local.number-taskmanager"));
        assertEquals(Optional.empty(), registry.find("no.such.key"));
    }

    @Test
    void builtInHoldersAreListedByNameWithOptionsSortedByKey() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.load();
        assertEquals(List.of(CheckpointingOptions.class, CoreOptions.class, DeploymentOptions.class,
                        org.millrace.streaming.api.environment.ExecutionCheckpointingOptions.class, ExecutionOptions.class,
                        NettyShuffleEnvironmentOptions.class, PipelineOptions.class, SavepointConfigOptions.class,
                        StateBackendOptions.class, TaskManagerOptions.class),
                List.copyOf(registry.optionsByHolder().keySet()));
        assertEquals(List.of(ExecutionOptions.BATCH_SHUFFLE_MODE, ExecutionOptions.BUFFER_TIMEOUT,
                        ExecutionOptions.BUFFER_TIMEOUT_ENABLED, ExecutionOptions.RUNTIME_MODE),
                registry.optionsByHolder().get(ExecutionOptions.class));
    }

    @Test
    void providersRegisteredThroughServiceLoaderAddTheirOptions() throws IOException {
        Path services = Files.createDirectories(classPathEntry.resolve("META-INF/services"));
        Files.writeString(services.resolve(ConfigOptionProvider.class.getName()),
                "# a module's provider\n" + PluginOptionProvider.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classPathEntry.toUri().toURL()}, getClass().getClassLoader())) {
            ConfigOptionRegistry registry = ConfigOptionRegistry.load(loader);

            assertSame(PluginOptions.PLUGIN_THREADS, registry.find("plugin.threads").orElseThrow());
            assertTrue(registry.optionsByHolder().containsKey(CoreOptions.class));
            Configuration conf = new Configuration();
            conf.setString("plugin.threads", "x");
            IllegalConfigurationException e =
                    assertThrows(IllegalConfigurationException.class, () -> registry.validate(conf));
            assertEquals("Invalid value 'x' for configuration key 'plugin.threads': expected an integer (e.g. 4)",
                    e.getMessage());
        }
    }

    @Test
    void twoDifferentOptionsWithOneKeyAreRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigOptionRegistry.of(List.of(CoreOptions.class, ConflictingOptions.class)));
        assertEquals("Configuration key 'parallelism.default' is declared twice, in "
                + ConflictingOptions.class.getName() + " and " + CoreOptions.class.getName(), e.getMessage());
    }
}
