package org.millrace.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@link FileAccess} to the local file system through {@code java.nio}. */
public final class LocalFileAccess implements FileAccess {

    public static final LocalFileAccess INSTANCE = new LocalFileAccess();

    private LocalFileAccess() {}

    static Path toPath(String path) {
        return path.startsWith("file:") ? Paths.get(java.net.URI.create(path)) : Paths.get(path);
    }

    @Override
    public List<String> listFiles(String path) throws IOException {
        Path root = toPath(path);
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "input path does not exist");
        }
        if (Files.isRegularFile(root)) {
            return List.of(root.toString());
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .forEach(p -> files.add(p.toString()));
        }
        return files;
    }

    @Override
    public InputStream open(String file) throws IOException {
        return Files.newInputStream(toPath(file));
    }

    @Override
    public OutputStream create(String file, boolean overwrite) throws IOException {
        Path target = toPath(file);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " already exists; use WriteMode.OVERWRITE to replace it");
        }
        return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(toPath(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(toPath(path));
    }

    @Override
    public void deleteRecursively(String path) throws IOException {
        Path root = toPath(path);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void mkdirs(String path) throws IOException {
        Files.createDirectories(toPath(path));
    }

    @Override
    public String child(String parent, String child) {
        return toPath(parent).resolve(child).toString();
    }
}
