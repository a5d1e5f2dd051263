package org.millrace.client.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.millrace.configuration.Configuration;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user program in a JAR file: its own class loader (parent: the CLI's loader, so framework
 * classes are shared, not loaded twice) and its entry class. The entry class is the one given with
 * {@code -c}, else the manifest's {@code program-class}, else its {@code Main-Class}.
 *
 * <p>Close it after {@link #invokeMain} returns to release the JAR file.
 */
public final class PackagedProgram implements AutoCloseable {

    /** Manifest attribute naming the entry class, checked before {@code Main-Class} (as Flink does). */
    public static final String MANIFEST_ATTRIBUTE_PROGRAM_CLASS = "program-class";

    private static final Logger LOG = LoggerFactory.getLogger(PackagedProgram.class);

    private final File jarFile;
    private final URLClassLoader userClassLoader;
    private final Method mainMethod;

    private PackagedProgram(File jarFile, URLClassLoader userClassLoader, Method mainMethod) {
        this.jarFile = jarFile;
        this.userClassLoader = userClassLoader;
        this.mainMethod = mainMethod;
    }

    /**
     * Opens the JAR and finds its entry class and {@code main} method.
     *
     * @param entryClass the class to run, or null to read it from the manifest
     * @throws ProgramInvocationException if the JAR is missing or unreadable, or the class or its main method cannot be found
     */
    public static PackagedProgram fromJar(String jarPath, String entryClass, ClassLoader parent)
            throws ProgramInvocationException {
        File jarFile = new File(jarPath).getAbsoluteFile();
        if (!jarFile.isFile()) {
            throw new ProgramInvocationException("JAR file does not exist: " + jarFile);
        }
        String className = entryClass != null ? entryClass : entryClassFromManifest(jarFile);
        URLClassLoader loader = new URLClassLoader(new URL[] {toUrl(jarFile)}, parent);
        try {
            Method main = findMainMethod(loader, className, jarFile);
            LOG.info("Loaded program {} from {}", className, jarFile);
            return new PackagedProgram(jarFile, loader, main);
        } catch (ProgramInvocationException | RuntimeException | LinkageError e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * Calls {@code main} with an execution environment of {@code configuration} whose jobs report to
     * {@code printer} (as {@code flink run} does, and an application cluster's JobManager).
     *
     * @return how many jobs {@code main} submitted
     * @throws ProgramInvocationException if {@code main} failed, or submitted no job
     */
    public int run(Configuration configuration, List<String> args, JobResultPrinter printer)
            throws ProgramInvocationException {
        StreamExecutionEnvironment.initializeContextEnvironment(
                new ClientEnvironmentFactory(configuration, userClassLoader, printer));
        try {
            LOG.info("Starting {} with {} program arguments", this, args.size());
            LOG.debug("Program arguments: {}", args);
            invokeMain(args.toArray(new String[0]));
        } finally {
            StreamExecutionEnvironment.resetContextEnvironment();
        }
        if (printer.submittedJobs() == 0) {
            throw new ProgramInvocationException("The program didn't contain a job. Perhaps you forgot to call"
                    + " execute() on the execution environment.");
        }
        return printer.submittedJobs();
    }

    public String getMainClassName() {
        return mainMethod.getDeclaringClass().getName();
    }

    public ClassLoader getUserClassLoader() {
        return userClassLoader;
    }

    /**
     * Calls {@code main(args)} with the program's class loader as this thread's context class
     * loader, and restores the previous one afterwards.
     *
     * @throws ProgramInvocationException wrapping whatever {@code main} threw
     */
    public void invokeMain(String[] args) throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(userClassLoader);
        try {
            mainMethod.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProgramInvocationException("The main method caused an error: " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new ProgramInvocationException("Could not call the main method of " + getMainClassName(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        closeQuietly(userClassLoader);
    }

    @Override
    public String toString() {
        return getMainClassName() + " in " + jarFile;
    }

    private static String entryClassFromManifest(File jarFile) throws ProgramInvocationException {
        Manifest manifest;
        try (JarFile jar = new JarFile(jarFile)) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new ProgramInvocationException("Could not read the JAR file " + jarFile + ": " + e.getMessage(), e);
        }
        if (manifest != null) {
            Attributes attributes = manifest.getMainAttributes();
            for (String name : new String[] {MANIFEST_ATTRIBUTE_PROGRAM_CLASS, Attributes.Name.MAIN_CLASS.toString()}) {
                String value = attributes.getValue(name);
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
        }
        throw new ProgramInvocationException("Neither a class was given with -c nor does the manifest of " + jarFile
                + " name one (Main-Class or " + MANIFEST_ATTRIBUTE_PROGRAM_CLASS + ")");
    }

    private static Method findMainMethod(ClassLoader loader, String className, File jarFile)
            throws ProgramInvocationException {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ProgramInvocationException("Could not find the program's class '" + className + "' in " + jarFile, e);
        }
        try {
            Method main = mainClass.getMethod("main", String[].class);
            if (Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class) {
                return main;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw new ProgramInvocationException("The class " + className + " has no 'public static void main(String[])' method");
    }

    private static URL toUrl(File jarFile) throws ProgramInvocationException {
        try {
            return jarFile.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new ProgramInvocationException("Invalid JAR file path " + jarFile, e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Could not close the class loader of a user program", e);
        }
    }
}
