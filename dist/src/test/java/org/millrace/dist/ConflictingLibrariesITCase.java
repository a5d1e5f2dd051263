package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two jobs whose JARs bundle different versions of the same library class (and job classes of the
 * same names) run at the same time in one session cluster: each job's tasks load its own JAR's
 * classes through the job's class loader, even in the same TaskManager JVM.
 */
@Timeout(600)
class ConflictingLibrariesITCase {

    private static final String JOB = """
            package conflict;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import org.millrace.api.common.functions.OpenContext;
            import org.millrace.api.common.functions.RichMapFunction;
            import org.millrace.core.fs.WriteMode;
            import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
            import org.millrace.util.ParameterTool;

            public final class LibraryVersionJob {
                public static void main(String[] args) throws Exception {
                    ParameterTool params = ParameterTool.fromArgs(args);
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromSequence(1, 100).map(new Tag(params.getRequired("gate")))
                            .writeAsText(params.getRequired("output"), WriteMode.OVERWRITE);
                    env.execute("library " + Library.version());
                }

                public static final class Tag extends RichMapFunction<Long, String> {
                    private final String gate;

                    public Tag(String gate) {
                        this.gate = gate;
                    }

                    @Override
                    public void open(OpenContext context) throws InterruptedException {
                        while (!Files.exists(Path.of(gate))) {
                            Thread.sleep(50);
                        }
                    }

                    @Override
                    public String map(Long value) {
                        return Library.version() + ":" + value;
                    }
                }
            }
            """;

    private static final String LIBRARY = """
            package conflict;

            public final class Library {
                public static String version() {
                    return "%s";
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void twoJobsWithConflictingLibraryVersionsRunSideBySide() throws Exception {
        Path gate = tmp.resolve("gate");
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 2).start(1)) {
            Process first = cluster.flinkRun("first", "-p", "1", jobJar("v1").toString(),
                    "--gate", gate.toString(), "--output", tmp.resolve("out-v1").toString());
            Process second = cluster.flinkRun("second", "-p", "1", jobJar("v2").toString(),
                    "--gate", gate.toString(), "--output", tmp.resolve("out-v2").toString());
            cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 2
                    && StandaloneClusterITCase.allTasksRunning(json.path("jobs").get(0))
                    && StandaloneClusterITCase.allTasksRunning(json.path("jobs").get(1)), StandaloneClusterProcesses.STARTUP);

            Files.createFile(gate); // both run in the one TaskManager now

            for (Map.Entry<String, Process> job : Map.of("first", first, "second", second).entrySet()) {
                assertTrue(job.getValue().waitFor(3, TimeUnit.MINUTES), cluster.logs());
                assertEquals(0, job.getValue().exitValue(), cluster.output(job.getKey(), job.getValue()));
            }
            assertVersionEverywhere(tmp.resolve("out-v1"), "v1");
            assertVersionEverywhere(tmp.resolve("out-v2"), "v2");
        }
    }

    private static void assertVersionEverywhere(Path output, String version) throws IOException {
        List<String> lines = Files.readAllLines(output);
        assertEquals(100, lines.size(), output.toString());
        for (String line : lines) {
            assertTrue(line.startsWith(version + ":"), "line '" + line + "' of " + output);
        }
    }

    /** Compiles the job and its library at {@code version} against Millrace's API into a JAR. */
    private Path jobJar(String version) throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("src-" + version + "/conflict"));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + version));
        Files.writeString(sources.resolve("LibraryVersionJob.java"), JOB);
        Files.writeString(sources.resolve("Library.java"), LIBRARY.formatted(version));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK");
        int exit = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("LibraryVersionJob.java").toString(), sources.resolve("Library.java").toString());
        assertEquals(0, exit, "javac failed");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "conflict.LibraryVersionJob");
        Path jar = tmp.resolve("job-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path classFile : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
