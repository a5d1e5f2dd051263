package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedProgramTest {

    @TempDir
    Path dir;

    private final ClassLoader parent = getClass().getClassLoader();

    @Test
    void programClassAttributeWinsOverMainClass() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of(
                "Main-Class", CliTestPrograms.NoJob.class.getName(),
                "program-class", CliTestPrograms.AccumulatingJob.class.getName()));
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), null, parent)) {
            assertEquals(CliTestPrograms.AccumulatingJob.class.getName(), program.getMainClassName());
        }
    }

    @Test
    void explicitEntryClassWinsOverTheManifest() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of("Main-Class", "does.not.Exist"));
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), CliTestPrograms.NoJob.class.getName(), parent)) {
            assertEquals(CliTestPrograms.NoJob.class.getName(), program.getMainClassName());
        }
    }

    @Test
    void mainRunsWithTheProgramClassLoaderAsContextLoaderWhichIsRestoredAfterwards() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of());
        CliTestPrograms.reset();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), ContextLoaderRecorder.class.getName(), parent)) {
            program.invokeMain(new String[0]);
            assertSame(program.getUserClassLoader(), CliTestPrograms.lastContextClassLoader);
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    /** Records the context class loader its main runs with. */
    public static final class ContextLoaderRecorder {
        public static void main(String[] args) {
            CliTestPrograms.lastContextClassLoader = Thread.currentThread().getContextClassLoader();
        }
    }

    @Test
    void exceptionOfMainIsWrappedWithItsMessage() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of());
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), ThrowingMain.class.getName(), parent)) {
            ProgramInvocationException e = assertThrows(ProgramInvocationException.class, () -> program.invokeMain(new String[0]));
            assertEquals("The main method caused an error: --input is missing", e.getMessage());
            assertTrue(e.getCause() instanceof IllegalArgumentException);
        }
    }

    /** Fails in main before building a job. */
    public static final class ThrowingMain {
        public static void main(String[] args) {
            throw new IllegalArgumentException("--input is missing");
        }
    }

    @Test
    void missingJarFileIsNamed() {
        Path missing = dir.resolve("missing.jar");
        ProgramInvocationException e = assertThrows(ProgramInvocationException.class,
                () -> PackagedProgram.fromJar(missing.toString(), null, parent));
        assertEquals("JAR file does not exist: " + missing, e.getMessage());
    }

    @Test
    void jarWithoutEntryClassSaysHowToGiveOne() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of());
        ProgramInvocationException e = assertThrows(ProgramInvocationException.class,
                () -> PackagedProgram.fromJar(jar.toString(), null, parent));
        assertTrue(e.getMessage().contains("-c"), e.getMessage());
        assertTrue(e.getMessage().contains("Main-Class"), e.getMessage());
    }

    @Test
    void unknownClassAndClassWithoutMainAreReported() throws Exception {
        Path jar = CliTestPrograms.manifestOnlyJar(dir.resolve("p.jar"), Map.of());
        ProgramInvocationException notFound = assertThrows(ProgramInvocationException.class,
                () -> PackagedProgram.fromJar(jar.toString(), "com.acme.Missing", parent));
        assertEquals("Could not find the program's class 'com.acme.Missing' in " + jar, notFound.getMessage());
        ProgramInvocationException noMain = assertThrows(ProgramInvocationException.class,
                () -> PackagedProgram.fromJar(jar.toString(), String.class.getName(), parent));
        assertEquals("The class java.lang.String has no 'public static void main(String[])' method", noMain.getMessage());
    }
}
