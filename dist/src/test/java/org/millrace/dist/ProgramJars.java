package org.millrace.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packages test programs into job JARs for {@code bin/flink run}, so their classes are loaded from
 * the JAR only (the cluster's class path does not hold the test classes).
 */
final class ProgramJars {

    private ProgramJars() {}

    /** A JAR at {@code jar} with the class files of {@code mainClass} and {@code others}, and a Main-Class manifest. */
    static Path packageProgram(Path jar, Class<?> mainClass, Class<?>... others) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        List<Class<?>> classes = new ArrayList<>(List.of(mainClass));
        classes.addAll(List.of(others));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
