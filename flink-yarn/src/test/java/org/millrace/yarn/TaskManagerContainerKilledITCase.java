package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.cli.CliFrontend;

/**
 * A TaskManager container killed while its job runs is replaced by a new container, and the job
 * (restart-strategy fixed-delay) still finishes with the right output and final status SUCCEEDED.
 */
@ExtendWith(SharedMiniYarn.class)
class TaskManagerContainerKilledITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;

    @Test
    void killedTaskManagerContainerIsReplacedAndTheJobStillFinishesCorrectly(MiniYarnEnvironment yarn) throws Exception {
        GatedJob.Run job = GatedJob.Run.in(tmp);
        Set<ApplicationId> before = yarn.applicationIds();

        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job", "-d"));
        args.addAll(yarn.dynamicProperties(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3")));
        args.addAll(job.programArguments());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true), System.err, Map.of()).run(args.toArray(new String[0]));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        ApplicationId id = yarn.newApplication(before);

        MiniYarnEnvironment.await(() -> job.starts() == 1, DEADLINE, "the job's subtask runs in a TaskManager container");
        Set<ContainerId> first = yarn.taskManagerContainers(id);
        assertEquals(1, first.size(), "one TaskManager container: " + first);
        long killed = System.nanoTime();
        yarn.killContainer(first.iterator().next());

        MiniYarnEnvironment.await(() -> job.starts() == 2, DEADLINE, "the restarted subtask runs");
        Set<ContainerId> now = yarn.taskManagerContainers(id);
        now.removeAll(first);
        assertEquals(1, now.size(), "a replacement container: " + yarn.taskManagerContainers(id));
        System.out.println("TaskManager container killed; the job ran again in replacement container " + now
                + " after " + (System.nanoTime() - killed) / 1_000_000 + " ms");

        job.openGate();
        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals(GatedJob.Run.expectedOutput(), job.sortedOutput());
        assertFalse(yarn.stagingDirectoryExists(id));
    }
}
