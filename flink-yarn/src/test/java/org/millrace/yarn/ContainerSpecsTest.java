package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.MemorySize;

/** The command line and environment of a Millrace JVM in a YARN container. */
class ContainerSpecsTest {

    private static ContainerLaunchContext taskManager(Map<String, String> settings) {
        return ContainerSpecs.launchContext(Configuration.fromMap(settings), "taskmanager", Map.of(), Map.of("EXTRA", "1"),
                MemorySize.parse("1000m"), 0.6, "org.example.Main", List.of("--configDir", "."));
    }

    @Test
    void commandHasTheHeapShareTheJavaOptionsOfItsRoleAndLogsInTheContainerLogDirectory() {
        String command = taskManager(Map.of("env.java.opts.all", "-Dall=1", "env.java.opts.taskmanager", "-Dtm=1",
                "env.java.opts.jobmanager", "-Djm=1")).getCommands().get(0);
        assertTrue(command.startsWith("{{JAVA_HOME}}/bin/java -Xmx600m "), command);
        assertTrue(command.contains(" -Dall=1 -Dtm=1 "), command);
        assertFalse(command.contains("-Djm=1"), command);
        assertTrue(command.contains(" org.example.Main --configDir . 1><LOG_DIR>/taskmanager.out 2><LOG_DIR>/taskmanager.err"),
                command);
        assertTrue(command.contains("-Dlog.file=<LOG_DIR>/taskmanager.log"), command);
    }

    @Test
    void environmentHasTheClassPathTheRolesPrefixedVariablesAndTheExtraOnes() {
        Map<String, String> env = taskManager(Map.of("containerized.taskmanager.env.JAVA_HOME", "/opt/jdk17",
                "containerized.master.env.OTHER", "x")).getEnvironment();
        assertEquals("{{PWD}}<CPS>{{PWD}}/*", env.get("CLASSPATH"));
        assertEquals("/opt/jdk17", env.get("JAVA_HOME"));
        assertEquals("1", env.get("EXTRA"));
        assertEquals(null, env.get("OTHER"));
    }

    @Test
    void withRocksDbTheHeapShareIsTakenOfWhatRocksDbsNativeBudgetLeaves() {
        Configuration rocks = Configuration.fromMap(Map.of("state.backend.type", "rocksdb", "taskmanager.numberOfTaskSlots", "2",
                "state.backend.rocksdb.memory.fixed-per-slot", "128m"));
        assertEquals(MemorySize.parse("256m"), TaskManagerMemory.rocksDbBudget(rocks));
        MemorySize forHeap = TaskManagerMemory.forHeapAndJvm(rocks, MemorySize.parse("1256m"));
        String command = ContainerSpecs.launchContext(rocks, "taskmanager", Map.of(), Map.of(), forHeap, 0.6,
                "org.example.Main", List.of()).getCommands().get(0);
        assertTrue(command.startsWith("{{JAVA_HOME}}/bin/java -Xmx600m "), command);
        assertEquals(MemorySize.parse("1000m"), TaskManagerMemory.forHeapAndJvm(Configuration.fromMap(Map.of()),
                MemorySize.parse("1000m")), "the heap backend takes nothing off");

        org.millrace.configuration.IllegalConfigurationException tooSmall = org.junit.jupiter.api.Assertions.assertThrows(
                org.millrace.configuration.IllegalConfigurationException.class,
                () -> TaskManagerMemory.forHeapAndJvm(rocks, MemorySize.parse("400m")));
        assertTrue(tooSmall.getMessage().contains("state.backend.rocksdb.memory.fixed-per-slot")
                && tooSmall.getMessage().contains("taskmanager.memory.process.size"), tooSmall.getMessage());
    }
}
