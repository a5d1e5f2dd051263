package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/yarn-session.sh} finds its main class in lib/ and answers with Flink's options; the
 * sessions themselves are tested against MiniYARNCluster in the flink-yarn module.
 */
class YarnSessionScriptITCase {

    @TempDir
    Path workDir;

    private record Result(int exitCode, String output) {}

    private Result run(String... args) throws Exception {
        Process process = BinScripts.script("yarn-session.sh", workDir, null, args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "yarn-session.sh did not end");
        return new Result(process.exitValue(), output);
    }

    @Test
    void helpListsFlinksSessionOptions() throws Exception {
        Result help = run("-h");
        assertEquals(0, help.exitCode(), help.output());
        for (String option : new String[] {"-d,--detached", "-nm,--name", "-qu,--queue", "-jm,--jobManagerMemory",
                "-tm,--taskManagerMemory", "-s,--slots", "-id,--applicationId", "-D <property=value>"}) {
            assertTrue(help.output().contains(option), option + " in " + help.output());
        }
    }

    @Test
    void unknownOptionExitsOneWithTheUsage() throws Exception {
        Result result = run("--no-such-option");
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("Unknown option '--no-such-option'"), result.output());
        assertTrue(result.output().contains("Usage: bin/yarn-session.sh"), result.output());
    }
}
