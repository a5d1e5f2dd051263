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
 * silently replaced.
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

    @Override
    public void open(OpenContext openContext) throws IOException {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        Path target = toPath(path);
        Path file;
        if (parallelism == 1) {
            file = target;
        } else {
            Files.createDirectories(target);
            file = target.resolve(String.valueOf(getRuntimeContext().getIndexOfThisSubtask() + 1));
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
