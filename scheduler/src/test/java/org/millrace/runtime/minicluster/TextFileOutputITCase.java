package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.core.fs.WriteMode;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

@Timeout(120)
class TextFileOutputITCase {

    @TempDir
    Path tmp;

    private void write(Path target, int parallelism, WriteMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.fromSequence(1, 1000).writeAsText(target.toString(), mode);
        env.execute("write " + parallelism);
    }

    private static List<Long> readAll(Path target) throws Exception {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> list = Files.list(target)) {
                list.forEach(files::add);
            }
        } else {
            files.add(target);
        }
        List<Long> values = new ArrayList<>();
        for (Path f : files) {
            Files.readAllLines(f).forEach(l -> values.add(Long.parseLong(l)));
        }
        values.sort(Long::compare);
        return values;
    }

    @Test
    void writesOneFileAtParallelismOneAndNumberedFilesOtherwise() throws Exception {
        Path single = tmp.resolve("single");
        write(single, 1, WriteMode.NO_OVERWRITE);
        assertTrue(Files.isRegularFile(single));
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), readAll(single));

        Path multi = tmp.resolve("multi");
        write(multi, 3, WriteMode.NO_OVERWRITE);
        try (Stream<Path> list = Files.list(multi)) {
            assertEquals(List.of("1", "2", "3"), list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), readAll(multi));
    }

    @Test
    void overwriteReplacesOutputOfARunWithAnotherParallelism() throws Exception {
        Path target = tmp.resolve("out");
        write(target, 1, WriteMode.OVERWRITE);
        write(target, 3, WriteMode.OVERWRITE);
        assertTrue(Files.isDirectory(target));
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), readAll(target));
        write(target, 1, WriteMode.OVERWRITE);
        assertTrue(Files.isRegularFile(target));
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), readAll(target));
    }

    @Test
    void existingTargetWithoutOverwriteFailsTheJobNamingTheFile() throws Exception {
        Path target = tmp.resolve("taken");
        Files.writeString(target, "keep me\n");
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> write(target, 1, WriteMode.NO_OVERWRITE));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals("keep me\n", Files.readString(target), "nothing lost");
    }
}
