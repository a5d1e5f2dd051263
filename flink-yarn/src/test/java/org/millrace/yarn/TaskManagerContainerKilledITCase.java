package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
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
        Path jar = MiniYarnEnvironment.jarOf(Paths.get(GatedJob.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                tmp.resolve("gated-job.jar"), GatedJob.class.getName().replace('.', '/'));
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path gate = tmp.resolve("gate");
        Path output = tmp.resolve("output.txt");
        Set<ApplicationId> before = yarn.applicationIds();

        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job", "-d"));
        args.addAll(yarn.dynamicProperties(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3")));
        args.addAll(List.of("-c", GatedJob.class.getName(), jar.toString(), "--gate", gate.toString(),
                "--markers", markers.toString(), "--output", output.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true), System.err, Map.of()).run(args.toArray(new String[0]));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        ApplicationId id = yarn.newApplication(before);

        await(() -> markers(markers) == 1, "the job's subtask runs in a TaskManager container");
        Set<ContainerId> first = yarn.taskManagerContainers(id);
        assertEquals(1, first.size(), "one TaskManager container: " + first);
        long killed = System.nanoTime();
        yarn.killContainer(first.iterator().next());

        await(() -> markers(markers) == 2, "the restarted subtask runs");
        Set<ContainerId> now = yarn.taskManagerContainers(id);
        now.removeAll(first);
        assertEquals(1, now.size(), "a replacement container: " + yarn.taskManagerContainers(id));
        System.out.println("TaskManager container killed; the job ran again in replacement container " + now
                + " after " + (System.nanoTime() - killed) / 1_000_000 + " ms");

        Files.createFile(gate);
        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        List<Long> numbers = Files.readAllLines(output).stream().map(Long::parseLong).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, GatedJob.COUNT).boxed().toList(), numbers);
        assertFalse(yarn.fileSystem().exists(new org.apache.hadoop.fs.Path(yarn.fileSystem().getHomeDirectory(),
                ".millrace/" + id)));
    }

    private static long markers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + DEADLINE + ": " + what);
            }
            Thread.sleep(100); // polling pace
        }
    }
}
