package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mini-yarn.sh start} runs HDFS and YARN on this machine and prints a
 * {@code HADOOP_CONF_DIR}; with it, the real {@code bin/flink run -t yarn-per-job} (default memory
 * settings, framework JARs uploaded from lib/) runs WordCount with exact counts; {@code bin/mini-yarn.sh stop}
 * stops the cluster's JVM.
 */
class MiniYarnScriptITCase {

    private static final Pattern CONF_DIR = Pattern.compile("export HADOOP_CONF_DIR=(\\S+)");

    @TempDir
    Path workDir;

    private record Result(int exitCode, String output) {}

    private Result run(String script, Map<String, String> env, long timeoutSeconds, String... args) throws Exception {
        ProcessBuilder builder = BinScripts.script(script, workDir, null, args).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), script + " did not end: " + output);
        return new Result(process.exitValue(), output);
    }

    @Test
    void perJobWordCountRunsOnTheMiniYarnClusterOfTheScript() throws Exception {
        Path clusterDir = workDir.resolve("mini-yarn");
        long start = System.nanoTime();
        // a generous start timeout: HDFS, YARN and the upload of lib/ share a loaded 2-core machine with other tests
        Result started = run("mini-yarn.sh", Map.of("MINI_YARN_START_TIMEOUT", "600"), 700, "start", clusterDir.toString());
        try {
            assertEquals(0, started.exitCode(), started.output());
            System.out.println("bin/mini-yarn.sh start took " + millisSince(start) + " ms");
            Matcher confDir = CONF_DIR.matcher(started.output());
            assertTrue(confDir.find(), started.output());
            assertTrue(Files.isRegularFile(Path.of(confDir.group(1), "yarn-site.xml")), started.output());
            assertTrue(started.output().contains("-Dyarn.provided.lib.dirs=hdfs://"), started.output());

            Path input = WordCountFiles.writeInput(workDir);
            Path output = workDir.resolve("counts");
            long submitted = System.nanoTime();
            Result job = run("flink", Map.of("HADOOP_CONF_DIR", confDir.group(1)), 300, "run", "-t", "yarn-per-job",
                    BinScripts.exampleJar("WordCount"), "--input", input.toString(), "--output", output.toString());
            System.out.println("bin/flink run -t yarn-per-job WordCount took " + millisSince(submitted) + " ms");
            assertEquals(0, job.exitCode(), job.output());
            assertTrue(job.output().contains("YARN application has been deployed successfully."), job.output());
            assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(Files.isDirectory(output)
                    ? WordCountFiles.outputFiles(output) : java.util.List.of(output)));
        } finally {
            long pid = Files.exists(clusterDir.resolve("mini-yarn.pid"))
                    ? Long.parseLong(Files.readString(clusterDir.resolve("mini-yarn.pid")).strip()) : -1;
            Result stopped = run("mini-yarn.sh", Map.of(), 120, "stop", clusterDir.toString());
            assertEquals(0, stopped.exitCode(), stopped.output());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the cluster's JVM ended");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
