package org.millrace.testing;

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
 * Packages user programs of the test sources into JARs, so tests submit them as users do and
 * their classes load from the JAR only. Shared with the dist and flink-yarn tests through this
 * module's test jar.
 */
public final class TestJars {

    private TestJars() {}

    /** A JAR at {@code jar} with exactly {@code classes} and, if {@code mainClass} is not null, a Main-Class. */
    public static Path jarOf(Path jar, Class<?> mainClass, Class<?>... classes) throws IOException {
        return write(jar, mainClass, List.of(classes));
    }

    /**
     * A JAR at {@code jar} with {@code program} as Main-Class and the class files of it, of the
     * {@code helpers} it uses, and of all their nested classes.
     */
    public static Path programJar(Path jar, Class<?> program, Class<?>... helpers) throws IOException {
        List<Class<?>> classes = withNestedClasses(program);
        for (Class<?> helper : helpers) {
            classes.addAll(withNestedClasses(helper));
        }
        return write(jar, program, classes);
    }

    private static Path write(Path jar, Class<?> mainClass, List<Class<?>> classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        }
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

    private static List<Class<?>> withNestedClasses(Class<?> type) {
        List<Class<?>> all = new ArrayList<>(List.of(type));
        for (Class<?> nested : type.getDeclaredClasses()) {
            all.addAll(withNestedClasses(nested));
        }
        return all;
    }
}
