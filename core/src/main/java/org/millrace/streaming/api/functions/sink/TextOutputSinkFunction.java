package org.millrace.streaming.api.functions.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.core.fs.WriteMode;

/**
 * {@code writeAsText(path)}: one line per record ({@code toString()}). With parallelism 1 the path
 * is a file; with more, a directory holding one file per subtask named {@code 1, 2, ...} (as Flink
 * does). Without {@link WriteMode#OVERWRITE} an existing target fails the job rather than being
 * silently replaced; with it, a file or directory left by a run at another parallelism is replaced.
 * (Subtasks of one JVM prepare the target one at a time; across TaskManager processes the target
 * must be prepared by the client, which comes with the cluster runtime.)
 */
public class TextOutputSinkFunction<IN> extends RichSinkFunction<IN> {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final WriteMode writeMode;
    private transient BufferedWriter writer;

    public TextOutputSinkFunction(String path, WriteMode writeMode) {
        this.path = path;
        this.writeMode = writeMode;
    }

    /** Serializes the preparation of a shared target (delete / create) among subtasks of this JVM. */
    private static final Object TARGET_LOCK = new Object();

    @Override
    public void open(OpenContext openContext) throws IOException {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        Path target = toPath(path);
        Path file;
        synchronized (TARGET_LOCK) {
            if (writeMode == WriteMode.OVERWRITE) {
                // a previous run with another parallelism left a file where a directory goes, or vice versa
                if (parallelism > 1 && Files.isRegularFile(target)) {
                    Files.delete(target);
                } else if (parallelism == 1 && Files.isDirectory(target)) {
                    deleteRecursively(target);
                }
            }
            if (parallelism == 1) {
                file = target;
            } else {
                Files.createDirectories(target);
                file = target.resolve(String.valueOf(getRuntimeContext().getIndexOfThisSubtask() + 1));
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (writeMode == WriteMode.NO_OVERWRITE && Files.exists(file)) {
            throw new FileAlreadyExistsException(file + " already exists; use WriteMode.OVERWRITE to replace it");
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static Path toPath(String path) {
        return path.startsWith("file:") ? Paths.get(java.net.URI.create(path)) : Paths.get(path);
    }

    @Override
    public void invoke(IN value) throws IOException {
        writer.write(String.valueOf(value));
        writer.newLine();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
