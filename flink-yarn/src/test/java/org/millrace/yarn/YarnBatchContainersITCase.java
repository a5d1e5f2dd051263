package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.cli.CliFrontend;

/**
 * A BATCH job on YARN takes containers for its widest stage and gives them back as its stages
 * finish: its first stage (parallelism 4, two slots a container) runs in two TaskManager
 * containers; once it has finished, the second stage (parallelism 1, held open by a gate) runs in
 * one, and the other container is released while the job still runs.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnBatchContainersITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;

    private static int containers(MiniYarnEnvironment yarn, ApplicationId id) {
        try {
            return yarn.taskManagerContainers(id).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void finishedStagesGiveTheirContainersBackBeforeTheJobEnds(MiniYarnEnvironment yarn) throws Exception {
        GatedJob.Run job = GatedJob.Run.in(tmp);
        Set<ApplicationId> before = yarn.applicationIds();
        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job", "-d"));
        args.addAll(yarn.dynamicProperties(Map.of("taskmanager.numberOfTaskSlots", "2",
                "resourcemanager.taskmanager-timeout", "3 s")));
        args.addAll(job.batchProgramArguments(4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true), System.err, Map.of()).run(args.toArray(new String[0]));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        ApplicationId id = yarn.newApplication(before);

        // the first stage's four subtasks wait for their gate: the job asks for a second container for the last two
        MiniYarnEnvironment.await(() -> containers(yarn, id) == 2, DEADLINE, "a second TaskManager container for the first stage");
        job.openFirstStageGate();
        MiniYarnEnvironment.await(() -> job.starts() == 1, DEADLINE, "the gated second stage runs");
        long gatedStageRunning = System.nanoTime();
        MiniYarnEnvironment.await(() -> containers(yarn, id) == 1, DEADLINE,
                "the first stage's second container given back while the gated stage runs");
        System.out.println("BATCH job: a TaskManager container given back "
                + (System.nanoTime() - gatedStageRunning) / 1_000_000 + " ms after its second stage started");
        assertEquals(1, job.starts(), "the gated stage is still running");

        job.openGate();
        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals(GatedJob.Run.expectedOutput(), job.sortedOutput());
    }
}
