package org.millrace.runtime.dispatcher;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.common.JobID;
import org.millrace.runtime.taskexecutor.UserCodeClassLoaders;

/**
 * The user code of the jobs a JobManager runs: per job its jars and a class loader over them (or
 * the class loader an embedded client handed over). In-process TaskExecutors load user code from
 * here; TaskManagers in other JVMs fetch the jars.
 */
public final class JobArtifacts implements UserCodeClassLoaders {

    private record Entry(ClassLoader classLoader, List<Path> jars, boolean owned) {}

    private final Map<JobID, Entry> entries = new ConcurrentHashMap<>();
    private final ClassLoader parent;

    /** @param parent the framework's class loader, parent of the loaders created over jobs' jars */
    public JobArtifacts(ClassLoader parent) {
        this.parent = parent;
    }

    /** Registers a job's jars and returns a class loader over them. */
    public ClassLoader register(JobID jobId, List<Path> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader("job-" + jobId, urls, parent);
        entries.put(jobId, new Entry(loader, List.copyOf(jars), !jars.isEmpty()));
        return loader;
    }

    /** Registers the class loader of a job submitted from this JVM. */
    public void register(JobID jobId, ClassLoader loader) {
        entries.put(jobId, new Entry(loader, List.of(), false));
    }

    /** The jars of a job, for TaskManagers to fetch; empty if unknown or loaded in-process. */
    public List<Path> getJars(JobID jobId) {
        Entry e = entries.get(jobId);
        return e == null ? List.of() : e.jars();
    }

    @Override
    public ClassLoader getClassLoader(JobID jobId) throws IOException {
        Entry e = entries.get(jobId);
        if (e == null) {
            throw new IOException("No user code registered for job " + jobId);
        }
        return e.classLoader();
    }

    /** The job ended: forget it, and close the class loader if it was created here. */
    @Override
    public void release(JobID jobId) {
        Entry e = entries.remove(jobId);
        if (e != null && e.owned() && e.classLoader() instanceof URLClassLoader closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing left to do for a loader that cannot close its jars
            }
        }
    }
}
