package org.millrace.yarn.entrypoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * A per-job ApplicationMaster's job kept for a later attempt, through Hadoop's local file system
 * (the same code as on HDFS): the graph comes back with its job id, the JARs in their order, even
 * when two have the same file name; nothing stored means nothing recovered.
 */
class StagedJobTest {

    @TempDir
    Path tmp;

    @Test
    void storedJobComesBackWithItsJobIdAndJarsInOrder() throws Exception {
        FileSystem fs = FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(tmp.resolve("staging").toUri());
        StagedJob staged = new StagedJob(fs, staging);
        assertTrue(staged.recover(tmp.resolve("nothing"), getClass().getClassLoader()).isEmpty());

        JobGraph graph = new JobGraph(JobID.generate(), "nightly", RuntimeExecutionMode.BATCH, new Configuration());
        Path first = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("job.jar"), "first");
        Path second = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("job.jar"), "second");
        staged.store(new JobGraph(JobID.generate(), "replaced", RuntimeExecutionMode.BATCH, new Configuration()), List.of());
        staged.store(graph, List.of(first, second));

        StagedJob.Recovered recovered = new StagedJob(fs, staging).recover(tmp.resolve("recovered"),
                getClass().getClassLoader()).orElseThrow();
        assertEquals(graph.getJobID(), recovered.jobGraph().getJobID());
        assertEquals("nightly", recovered.jobGraph().getName());
        assertEquals(2, recovered.jars().size());
        assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(recovered.jars().get(0)));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(recovered.jars().get(1)));
    }
}
