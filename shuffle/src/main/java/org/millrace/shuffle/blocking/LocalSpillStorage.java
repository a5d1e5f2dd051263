package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** {@link SpillStorage} on the local file system through java.nio file channels. Stateless and thread-safe. */
public final class LocalSpillStorage implements SpillStorage {

    public static final LocalSpillStorage INSTANCE = new LocalSpillStorage();

    private LocalSpillStorage() {}

    @Override
    public Output create(String path) throws IOException {
        Path file = Path.of(path);
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new FileOutput(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    @Override
    public ReadableByteChannel open(String path) throws IOException {
        return FileChannel.open(Path.of(path), StandardOpenOption.READ);
    }

    @Override
    public void delete(String path) throws IOException {
        Path root = Path.of(path);
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted concurrently
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    /** Writes header and body with one gathering write where the OS allows it. */
    private static final class FileOutput implements Output {

        private final FileChannel channel;
        private final ByteBuffer[] pair = new ByteBuffer[2];

        FileOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(ByteBuffer header, ByteBuffer body) throws IOException {
            pair[0] = header;
            pair[1] = body;
            try {
                while (body.hasRemaining()) {
                    channel.write(pair);
                }
                while (header.hasRemaining()) {
                    channel.write(header);
                }
            } finally {
                pair[0] = null;
                pair[1] = null;
            }
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
