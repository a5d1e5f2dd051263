package org.millrace.runtime.rest.handler.jar;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.millrace.client.cli.PackagedProgram;
import org.millrace.runtime.rest.http.RestHandlerException;

/**
 * The JARs uploaded through {@code POST /jars/upload}, kept in one directory as
 * {@code <uuid>_<original name>.jar}; that file name is the JAR's id in the API. All methods do file
 * I/O: call them off the event loop.
 */
public final class JarStore {

    /** One stored JAR as {@code GET /jars} lists it. */
    public record StoredJar(String id, String name, long uploaded, String entryClass) {}

    private final Path directory;

    public JarStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Moves an uploaded file into the store.
     *
     * @throws RestHandlerException 400 when the name does not end in ".jar" or the file is not a JAR (zip) archive
     */
    public Path add(Path uploaded, String originalName) throws RestHandlerException, IOException {
        if (!originalName.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            throw RestHandlerException.badRequest("Only JAR files can be uploaded, not '" + originalName + "'");
        }
        try (JarFile jar = new JarFile(uploaded.toFile())) {
            jar.getManifest();
        } catch (ZipException | SecurityException e) {
            throw RestHandlerException.badRequest("The file '" + originalName + "' is not a valid JAR file");
        }
        return Files.move(uploaded, directory.resolve(UUID.randomUUID() + "_" + originalName));
    }

    /** The stored JARs, newest first. */
    public List<StoredJar> list() throws IOException {
        List<StoredJar> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path file : files) {
                String id = file.getFileName().toString();
                jars.add(new StoredJar(id, originalName(id), Files.getLastModifiedTime(file).toMillis(), entryClass(file)));
            }
        }
        jars.sort(Comparator.comparingLong(StoredJar::uploaded).reversed().thenComparing(StoredJar::id));
        return jars;
    }

    /**
     * The file of a stored JAR.
     *
     * @throws RestHandlerException 400 for an id that is not a plain file name, 404 for an unknown one
     */
    public Path resolve(String jarId) throws RestHandlerException {
        if (jarId.isEmpty() || jarId.contains("/") || jarId.contains("\\") || jarId.equals(".") || jarId.equals("..")) {
            throw RestHandlerException.badRequest("Invalid JAR id '" + jarId + "'");
        }
        Path file = directory.resolve(jarId);
        if (!jarId.endsWith(".jar") || !Files.isRegularFile(file)) {
            throw RestHandlerException.notFound("JAR file " + jarId + " not found");
        }
        return file;
    }

    public void delete(String jarId) throws RestHandlerException, IOException {
        Files.deleteIfExists(resolve(jarId));
    }

    /** The name as uploaded: the id without its {@code <uuid>_} prefix. */
    private static String originalName(String id) {
        int cut = id.indexOf('_');
        return cut < 0 ? id : id.substring(cut + 1);
    }

    /** The manifest's program-class or Main-Class, or null (also for an unreadable JAR). */
    private static String entryClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes attributes = manifest.getMainAttributes();
            String programClass = attributes.getValue(PackagedProgram.MANIFEST_ATTRIBUTE_PROGRAM_CLASS);
            return programClass != null ? programClass : attributes.getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
