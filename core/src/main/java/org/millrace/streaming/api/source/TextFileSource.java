package org.millrace.streaming.api.source;

import java.io.InputStreamReader;
import org.millrace.core.fs.FileAccess;
import org.millrace.core.fs.FileAccesses;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code readTextFile(path)}: the lines (UTF-8) of a file, or of every regular file under a
 * directory (hidden files and names starting with '_' skipped, as Hadoop does), on the local file
 * system or any other a {@link org.millrace.core.fs.FileAccessProvider} serves ({@code hdfs://...}).
 * Files are dealt out to subtasks round-robin in name order.
 */
public final class TextFileSource implements ReaderSource<String> {

    private static final long serialVersionUID = 1L;
    private final String path;

    public TextFileSource(String path) {
        this.path = path;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader<String> createReader(int subtaskIndex, int parallelism) throws IOException {
        FileAccess files = FileAccesses.forPath(path);
        List<String> all = files.listFiles(path);
        List<String> mine = new ArrayList<>();
        for (int i = subtaskIndex; i < all.size(); i += parallelism) {
            mine.add(all.get(i));
        }
        return new SourceReader<>() {
            private int fileIndex;
            private BufferedReader reader;

            @Override
            public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
                while (true) {
                    if (reader == null) {
                        if (fileIndex == mine.size()) {
                            return InputStatus.END_OF_INPUT;
                        }
                        reader = new BufferedReader(new InputStreamReader(files.open(mine.get(fileIndex++)),
                                StandardCharsets.UTF_8));
                    }
                    String line = reader.readLine();
                    if (line != null) {
                        output.collect(line);
                        return InputStatus.MORE_AVAILABLE;
                    }
                    reader.close();
                    reader = null;
                }
            }

            @Override
            public CompletableFuture<?> isAvailable() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }
}
