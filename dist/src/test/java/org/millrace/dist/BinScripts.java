package org.millrace.dist;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the real {@code bin/} scripts as separate processes for the end-to-end tests, on the class
 * path this module collects into {@code target/lib}, with logs under a test's own directory.
 */
final class BinScripts {

    static final Path HOME = Paths.get(System.getProperty("millrace.home", "..")).toAbsolutePath().normalize();
    static final Path LIB = Paths.get(System.getProperty("millrace.lib.dir", "target/lib")).toAbsolutePath();
    static final Path EXAMPLES = Paths.get(System.getProperty("millrace.examples.dir", "../examples/target"))
            .toAbsolutePath().normalize();

    private BinScripts() {}

    /**
     * A process builder for {@code bin/<script> args}, running in {@code workDir} with its logs in
     * {@code workDir/log} and its configuration from {@code confDir} (null: the shipped conf/).
     */
    static ProcessBuilder script(String script, Path workDir, Path confDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MILLRACE_LIB_DIR", LIB.toString());
        builder.environment().put("FLINK_LOG_DIR", workDir.resolve("log").toString());
        builder.environment().put("FLINK_PID_DIR", workDir.toString());
        builder.environment().remove("MILLRACE_CONF_DIR");
        builder.environment().remove("FLINK_ENV_JAVA_OPTS");
        if (confDir == null) {
            builder.environment().remove("FLINK_CONF_DIR");
        } else {
            builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        }
        return builder;
    }

    /** The JAR of an example, e.g. {@code WordCount}. */
    static String exampleJar(String name) {
        return EXAMPLES.resolve(name + ".jar").toString();
    }
}
