package org.millrace.streaming.api.functions.sink;

import java.io.OutputStreamWriter;
import org.millrace.core.fs.FileAccess;
import org.millrace.core.fs.FileAccesses;

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
 * does), on the local file system or any other a {@link org.millrace.core.fs.FileAccessProvider}
 * serves ({@code hdfs://...}). Without {@link WriteMode#OVERWRITE} an existing target fails the job rather than being
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
        FileAccess files = FileAccesses.forPath(path);
        String file;
        synchronized (TARGET_LOCK) {
            if (writeMode == WriteMode.OVERWRITE) {
                // a previous run with another parallelism left a file where a directory goes, or vice versa
                if ((parallelism > 1 && files.isFile(path)) || (parallelism == 1 && files.isDirectory(path))) {
                    files.deleteRecursively(path);
                }
            }
            if (parallelism == 1) {
                file = path;
            } else {
                files.mkdirs(path);
                file = files.child(path, String.valueOf(getRuntimeContext().getIndexOfThisSubtask() + 1));
            }
        }
        writer = new BufferedWriter(new OutputStreamWriter(files.create(file, writeMode == WriteMode.OVERWRITE),
                StandardCharsets.UTF_8));
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
