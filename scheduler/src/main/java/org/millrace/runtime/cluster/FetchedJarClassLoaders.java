package org.millrace.runtime.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.millrace.api.common.JobID;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.messages.FetchJobJar;
import org.millrace.runtime.rpc.messages.JobJarChunk;
import org.millrace.runtime.taskexecutor.UserCodeClassLoaders;
import org.millrace.runtime.rest.http.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's user code: on a job's first task, its jars are fetched from the JobManager in
 * chunks into a local directory and a {@link ChildFirstClassLoader} is made over them; when the
 * job is released the loader is closed and the jars deleted.
 */
public final class FetchedJarClassLoaders implements UserCodeClassLoaders {

    private static final Logger LOG = LoggerFactory.getLogger(FetchedJarClassLoaders.class);

    private final RpcClient client;
    private final Supplier<InetSocketAddress> jobManager;
    private final Duration timeout;
    private final Path directory;
    private final ClassLoader parent;
    private final Map<JobID, URLClassLoader> loaders = new ConcurrentHashMap<>();

    /** @param jobManager the JobManager to fetch from: the current leader with high availability */
    public FetchedJarClassLoaders(RpcClient client, Supplier<InetSocketAddress> jobManager, Duration timeout, Path directory,
                                  ClassLoader parent) {
        this.client = client;
        this.jobManager = jobManager;
        this.timeout = timeout;
        this.directory = directory;
        this.parent = parent;
    }

    @Override
    public synchronized ClassLoader getClassLoader(JobID jobId) throws IOException {
        URLClassLoader loader = loaders.get(jobId);
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : fetchJars(jobId)) {
                urls.add(jar.toUri().toURL());
            }
            loader = new ChildFirstClassLoader("job-" + jobId, urls.toArray(URL[]::new), parent);
            loaders.put(jobId, loader);
        }
        return loader;
    }

    private List<Path> fetchJars(JobID jobId) throws IOException {
        Path jobDir = directory.resolve(jobId.toString());
        Files.createDirectories(jobDir);
        List<Path> jars = new ArrayList<>();
        int numberOfJars = 1;
        for (int index = 0; index < numberOfJars; index++) {
            long offset = 0;
            long total = -1;
            Path target = null;
            OutputStream out = null;
            try {
                do {
                    JobJarChunk chunk = ask(FetchJobJar.newBuilder().setJobId(jobId.toString()).setJarIndex(index)
                            .setOffset(offset).build());
                    numberOfJars = chunk.getNumberOfJars();
                    if (index >= numberOfJars) {
                        break;
                    }
                    if (out == null) {
                        target = jobDir.resolve(index + "-" + Path.of(chunk.getFileName()).getFileName());
                        out = Files.newOutputStream(target);
                        total = chunk.getTotalLength();
                    }
                    byte[] data = ControlMessages.bytes(chunk.getData());
                    out.write(data);
                    offset += data.length;
                    if (data.length == 0 && offset < total) {
                        throw new IOException("The JobManager sent an empty chunk at offset " + offset + " of " + target);
                    }
                } while (offset < total);
            } finally {
                if (out != null) {
                    out.close();
                }
            }
            if (target != null) {
                jars.add(target);
            }
        }
        LOG.info("Fetched {} jar(s) of job {} from the JobManager", jars.size(), jobId);
        return jars;
    }

    private JobJarChunk ask(FetchJobJar request) throws IOException {
        try {
            return client.ask(jobManager.get(), request, JobJarChunk.class, timeout).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching the jars of job " + request.getJobId(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("Could not fetch the jars of job " + request.getJobId() + " from the JobManager at "
                    + jobManager.get() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void release(JobID jobId) {
        URLClassLoader loader = loaders.remove(jobId);
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Closing the class loader of job {}: {}", jobId, e.toString());
            }
        }
        try {
            FileTrees.deleteRecursively(directory.resolve(jobId.toString()));
        } catch (IOException e) {
            LOG.warn("Could not delete the jars of job {}: {}", jobId, e.toString());
        }
    }
}
