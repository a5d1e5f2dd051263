package org.millrace.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.RuntimeExecutionMode;

class ConfigurationTest {

    private static final ConfigOption<Long> LONG_OPTION = ConfigOptions.key("test.long").longType().defaultValue(5L);
    private static final ConfigOption<Double> DOUBLE_OPTION =
            ConfigOptions.key("test.double").doubleType().defaultValue(0.5);
    private static final ConfigOption<List<Integer>> INT_LIST =
            ConfigOptions.key("test.ints").intType().asList().defaultValues(1, 2);
    private static final ConfigOption<List<String>> STRING_LIST =
            ConfigOptions.key("test.strings").stringType().asList().noDefaultValue();
    private static final ConfigOption<Map<String, String>> MAP_OPTION =
            ConfigOptions.key("test.map").mapType().noDefaultValue();
    private static final ConfigOption<Integer> WITH_FALLBACKS = ConfigOptions.key("new.key")
            .intType()
            .defaultValue(1)
            .withFallbackKeys("other.key")
            .withDeprecatedKeys("old.key");

    private static Configuration with(String key, String value) {
        Configuration conf = new Configuration();
        conf.setString(key, value);
        return conf;
    }

    private static String errorReading(ConfigOption<?> option, String value) {
        Configuration conf = with(option.key(), value);
        return assertThrows(IllegalConfigurationException.class, () -> conf.get(option)).getMessage();
    }

    @Test
    void absentKeysReadAsTheirDefaults() {
        Configuration conf = new Configuration();
        assertEquals(1, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(RuntimeExecutionMode.STREAMING, conf.get(ExecutionOptions.RUNTIME_MODE));
        assertEquals(Duration.ofMillis(100), conf.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertEquals(MemorySize.parse("32 kb"), conf.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE));
        assertEquals(67_108_864L, conf.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes());
        assertEquals("local", conf.get(DeploymentOptions.TARGET));
        assertEquals(true, conf.get(DeploymentOptions.ATTACHED));
        assertEquals(false, conf.get(PipelineOptions.OBJECT_REUSE));
        assertEquals(List.of(1, 2), conf.get(INT_LIST));
    }

    @Test
    void optionWithoutDefaultReadsAsNullAndEmptyOptional() {
        Configuration conf = new Configuration();
        assertNull(conf.get(PipelineOptions.MAX_PARALLELISM));
        assertEquals(Optional.empty(), conf.getOptional(PipelineOptions.MAX_PARALLELISM));
        assertFalse(PipelineOptions.MAX_PARALLELISM.hasDefaultValue());
    }

    @Test
    void getOptionalIgnoresTheDefault() {
        assertEquals(Optional.empty(), new Configuration().getOptional(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(Optional.of(8), with("parallelism.default", "8").getOptional(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void textValuesParseAsTheOptionType() {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", " 12 ");
        conf.setString("test.long", "10000000000");
        conf.setString("test.double", "2.25");
        conf.setString("pipeline.object-reuse", "TRUE");
        conf.setString("execution.buffer-timeout", "10s");
        conf.setString("taskmanager.memory.network.max", "1g");
        conf.setString("execution.runtime-mode", "batch");
        conf.setString("pipeline.name", "word count");
        conf.setString("test.ints", "3; 4;5");
        conf.setString("test.strings", "a;b c");
        conf.setString("test.map", "k1:v1, k2:v:2");

        assertEquals(12, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(10_000_000_000L, conf.get(LONG_OPTION));
        assertEquals(2.25, conf.get(DOUBLE_OPTION));
        assertEquals(true, conf.get(PipelineOptions.OBJECT_REUSE));
        assertEquals(Duration.ofSeconds(10), conf.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertEquals(1L << 30, conf.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes());
        assertEquals(RuntimeExecutionMode.BATCH, conf.get(ExecutionOptions.RUNTIME_MODE));
        assertEquals("word count", conf.get(PipelineOptions.NAME));
        assertEquals(List.of(3, 4, 5), conf.get(INT_LIST));
        assertEquals(List.of("a", "b c"), conf.get(STRING_LIST));
        assertEquals(Map.of("k1", "v1", "k2", "v:2"), conf.get(MAP_OPTION));
    }

    @Test
    void badIntegerNamesKeyValueAndExpectedForm() {
        assertEquals("Invalid value 'abc' for configuration key 'parallelism.default': expected an integer (e.g. 4)",
                errorReading(CoreOptions.DEFAULT_PARALLELISM, "abc"));
        assertEquals("Invalid value '3000000000' for configuration key 'parallelism.default': expected an integer (e.g. 4)",
                errorReading(CoreOptions.DEFAULT_PARALLELISM, "3000000000"));
    }

    @Test
    void badLongDoubleAndBooleanNameTheKey() {
        assertEquals("Invalid value '1x' for configuration key 'test.long': expected an integer (e.g. 1000)",
                errorReading(LONG_OPTION, "1x"));
        assertEquals("Invalid value 'half' for configuration key 'test.double': expected a number (e.g. 0.5)",
                errorReading(DOUBLE_OPTION, "half"));
        assertEquals("Invalid value 'yes' for configuration key 'pipeline.object-reuse': expected true or false",
                errorReading(PipelineOptions.OBJECT_REUSE, "yes"));
    }

    @Test
    void badDurationNamesTheExpectedForm() {
        assertEquals("Invalid value '10 parsecs' for configuration key 'execution.buffer-timeout':"
                        + " expected a duration like '100 ms', '10 s' or '1 min'",
                errorReading(ExecutionOptions.BUFFER_TIMEOUT, "10 parsecs"));
    }

    @Test
    void overflowingDurationIsAnInvalidValue() {
        assertEquals("Invalid value '9223372036854775807 d' for configuration key 'execution.buffer-timeout':"
                        + " expected a duration like '100 ms', '10 s' or '1 min'",
                errorReading(ExecutionOptions.BUFFER_TIMEOUT, "9223372036854775807 d"));
    }

    @Test
    void badMemorySizeNamesTheExpectedForm() {
        assertEquals("Invalid value 'lots' for configuration key 'taskmanager.memory.network.max':"
                        + " expected a memory size like '64 mb' or '1 gb'",
                errorReading(TaskManagerOptions.NETWORK_MEMORY_MAX, "lots"));
    }

    @Test
    void badEnumListsTheAllowedConstants() {
        assertEquals("Invalid value 'fast' for configuration key 'execution.runtime-mode':"
                        + " expected one of [STREAMING, BATCH, AUTOMATIC]",
                errorReading(ExecutionOptions.RUNTIME_MODE, "fast"));
    }

    @Test
    void badListElementNamesTheWholeValue() {
        assertEquals("Invalid value '1;two' for configuration key 'test.ints':"
                        + " expected a list separated by ';' of an integer (e.g. 4)",
                errorReading(INT_LIST, "1;two"));
    }

    @Test
    void badMapEntryNamesTheExpectedForm() {
        assertEquals("Invalid value 'k1' for configuration key 'test.map': expected a map like 'key1:value1,key2:value2'",
                errorReading(MAP_OPTION, "k1"));
    }

    @Test
    void typedValuesReadBackUnchanged() {
        Configuration conf = new Configuration()
                .set(CoreOptions.DEFAULT_PARALLELISM, 4)
                .set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.AUTOMATIC)
                .set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(5))
                .set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(128))
                .set(INT_LIST, List.of(7, 8))
                .set(MAP_OPTION, Map.of("b", "2", "a", "1"));

        assertEquals(4, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(RuntimeExecutionMode.AUTOMATIC, conf.get(ExecutionOptions.RUNTIME_MODE));
        assertEquals(Duration.ofMillis(5), conf.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertEquals(MemorySize.ofMebiBytes(128), conf.get(TaskManagerOptions.NETWORK_MEMORY_MAX));
        assertEquals(List.of(7, 8), conf.get(INT_LIST));
        assertEquals(Map.of("a", "1", "b", "2"), conf.get(MAP_OPTION));
    }

    @Test
    void typedValuesAppearAsParseableText() {
        Configuration conf = new Configuration()
                .set(CoreOptions.DEFAULT_PARALLELISM, 4)
                .set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH)
                .set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofSeconds(2))
                .set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(128))
                .set(INT_LIST, List.of(7, 8))
                .set(MAP_OPTION, Map.of("b", "2", "a", "1"));

        assertEquals(Map.of(
                        "parallelism.default", "4",
                        "execution.runtime-mode", "BATCH",
                        "execution.buffer-timeout", "2 s",
                        "taskmanager.memory.network.max", "128 mb",
                        "test.ints", "7;8",
                        "test.map", "a:1,b:2"),
                conf.toMap());
        assertEquals("2 s", conf.getString("execution.buffer-timeout", "unused"));
        assertEquals(conf, Configuration.fromMap(conf.toMap()));
    }

    @Test
    void valueSetAsLongIsReadThroughAnIntOption() {
        ConfigOption<Long> sameKeyAsLong = ConfigOptions.key("parallelism.default").longType().defaultValue(1L);
        Configuration conf = new Configuration().set(sameKeyAsLong, 6L);
        assertEquals(6, conf.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void getStringReturnsDefaultForAbsentKey() {
        assertEquals("fallback", new Configuration().getString("no.such.key", "fallback"));
        assertEquals("x", with("some.key", "x").getString("some.key", "fallback"));
    }

    @Test
    void mainKeyWinsOverFallbackKeys() {
        Configuration conf = new Configuration();
        conf.setString("old.key", "3");
        conf.setString("other.key", "2");
        assertEquals(2, conf.get(WITH_FALLBACKS));
        conf.setString("new.key", "1");
        assertEquals(1, conf.get(WITH_FALLBACKS));
    }

    @Test
    void fallbackKeysAreReadInDeclarationOrder() {
        assertEquals(3, with("old.key", "3").get(WITH_FALLBACKS));
        assertEquals(2, with("other.key", "2").get(WITH_FALLBACKS));
        assertTrue(with("old.key", "3").contains(WITH_FALLBACKS));
        assertFalse(new Configuration().contains(WITH_FALLBACKS));
    }

    @Test
    void deprecatedLocalTaskManagerKeyStillConfiguresTheMiniCluster() {
        assertEquals(3, with("local.number-taskmanager", "3").get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS));
    }

    @Test
    void badValueUnderFallbackKeyNamesTheKeyTheUserWrote() {
        Configuration conf = with("old.key", "many");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> conf.get(WITH_FALLBACKS));
        assertEquals("Invalid value 'many' for configuration key 'old.key': expected an integer (e.g. 4)", e.getMessage());
    }

    @Test
    void addAllOverwritesEqualKeysAndKeepsOthers() {
        Configuration base = with("a", "1");
        base.setString("b", "2");
        Configuration overrides = with("b", "20");
        overrides.setString("c", "30");
        base.addAll(overrides);
        assertEquals(Map.of("a", "1", "b", "20", "c", "30"), base.toMap());
        assertEquals(Set.of("a", "b", "c"), base.keySet());
    }

    @Test
    void cloneIsIndependentOfTheOriginal() {
        Configuration original = with("a", "1");
        Configuration copy = original.clone();
        copy.setString("a", "2");
        assertEquals("1", original.getString("a", null));
        assertEquals("2", copy.getString("a", null));
    }

    @Test
    void equalityComparesTextualValues() {
        Configuration typed = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 4);
        Configuration text = with("parallelism.default", "4");
        assertEquals(typed, text);
        assertEquals(typed.hashCode(), text.hashCode());
        assertNotEquals(typed, with("parallelism.default", "5"));
    }

    @Test
    void removeKeyReportsWhetherItWasPresent() {
        Configuration conf = with("a", "1");
        assertTrue(conf.removeKey("a"));
        assertFalse(conf.removeKey("a"));
        assertFalse(conf.containsKey("a"));
    }

    @Test
    void toStringHidesSensitiveValues() {
        Configuration conf = with("security.ssl.keystore-password", "hunter2");
        conf.setString("rest.port", "8081");
        assertEquals("{rest.port=8081, security.ssl.keystore-password=******}", conf.toString());
    }

    @Test
    void configurationSurvivesJavaSerialization() throws Exception {
        Configuration conf = new Configuration()
                .set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(5))
                .set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(16))
                .set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH)
                .set(INT_LIST, List.of(1, 2, 3))
                .set(MAP_OPTION, Map.of("k", "v"));
        conf.setString("parallelism.default", "3");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(conf);
        }
        Configuration copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Configuration) in.readObject();
        }

        assertEquals(conf, copy);
        assertEquals(3, copy.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(Duration.ofMillis(5), copy.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertEquals(MemorySize.ofMebiBytes(16), copy.get(TaskManagerOptions.NETWORK_MEMORY_MAX));
        assertEquals(RuntimeExecutionMode.BATCH, copy.get(ExecutionOptions.RUNTIME_MODE));
        assertEquals(List.of(1, 2, 3), copy.get(INT_LIST));
        copy.setString("after", "deserialization");
        assertTrue(copy.containsKey("after"));
    }

    @Test
    void nullValuesAreRejected() {
        Configuration conf = new Configuration();
        assertThrows(NullPointerException.class, () -> conf.set(CoreOptions.DEFAULT_PARALLELISM, null));
        assertThrows(NullPointerException.class, () -> conf.setString("a", null));
        assertThrows(NullPointerException.class,
                () -> ConfigOptions.key("x").intType().defaultValue(null));
    }

    @Test
    void keysWithSpacesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConfigOptions.key("bad key"));
        assertThrows(IllegalArgumentException.class, () -> ConfigOptions.key(""));
    }
}
