package org.millrace.runtime.rest;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.PATCH;
import static io.netty.handler.codec.http.HttpMethod.POST;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.rest.handler.ClusterHandlers;
import org.millrace.runtime.rest.handler.JobHandlers;
import org.millrace.runtime.rest.handler.JobSubmitHandler;
import org.millrace.runtime.rest.handler.SavepointHandlers;
import org.millrace.runtime.rest.handler.TaskManagerHandlers;
import org.millrace.runtime.rest.handler.jar.JarHandlers;
import org.millrace.runtime.rest.handler.jar.JarStore;
import org.millrace.client.cli.ProgramJobGraphExtractor;
import org.millrace.runtime.rest.http.FileTrees;
import org.millrace.runtime.rest.http.RestChannelInitializer;
import org.millrace.runtime.rest.http.Router;
import org.millrace.runtime.rest.metrics.MetricStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's REST API (Flink's paths and JSON, see docs/rest-api.md): a Netty HTTP server in
 * front of a {@link DispatcherGateway}. Clients ({@code bin/flink}, the dashboard, curl) talk to a
 * cluster only through it.
 *
 * <pre>{@code
 * RestServerEndpoint rest = new RestServerEndpoint(configuration, dispatcher);
 * rest.start();                       // binds rest.bind-address : rest.bind-port / rest.port
 * String url = rest.getRestBaseUrl(); // "http://<rest.address>:<port>"
 * rest.close();                       // stops its threads and deletes the uploaded files
 * }</pre>
 *
 * <p>Threads: Netty's event loops parse requests and call handlers, which never block; blocking
 * work (uploaded files, job graphs) runs on {@code rest.server.numThreads} I/O threads, and user
 * programs of {@code POST /jars/:jarid/run} on one thread of their own. Uploads live in
 * {@code <web.upload.dir>/millrace-web-<uuid>/}: {@code jars/} (uploaded JARs), {@code jobs/} (JARs
 * of submitted jobs), {@code requests/} (multipart bodies being received).
 */
public final class RestServerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServerEndpoint.class);

    private final Configuration configuration;
    private final DispatcherGateway gateway;
    private final MetricStore metrics;
    private final PortRange bindPorts;
    private final String bindAddress;
    private final String advertisedAddress;
    private final int maxContentLength;
    private final Path uploadDirectory;

    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ExecutorService ioExecutor;
    private ExecutorService programExecutor;
    private Channel serverChannel;
    private String restBaseUrl;
    private boolean closed;

    /** Reads the options; nothing is bound or created before {@link #start()}. No TaskManager metrics. */
    public RestServerEndpoint(Configuration configuration, DispatcherGateway gateway) {
        this(configuration, gateway, new MetricStore());
    }

    /** @param metrics what the TaskManagers reported with their heartbeats, shown with jobs and TaskManagers */
    public RestServerEndpoint(Configuration configuration, DispatcherGateway gateway, MetricStore metrics) {
        this.configuration = new Configuration(configuration);
        this.gateway = gateway;
        this.metrics = metrics;
        String ports = configuration.getOptional(RestOptions.BIND_PORT).orElse(String.valueOf(configuration.get(RestOptions.PORT)));
        try {
            this.bindPorts = PortRange.parse(ports);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("Invalid value '" + ports + "' for configuration key '"
                    + (configuration.contains(RestOptions.BIND_PORT) ? RestOptions.BIND_PORT.key() : RestOptions.PORT.key())
                    + "': " + e.getMessage());
        }
        this.bindAddress = configuration.get(RestOptions.BIND_ADDRESS);
        this.advertisedAddress = configuration.getOptional(RestOptions.ADDRESS)
                .orElse(bindAddress != null && !isWildcard(bindAddress) ? bindAddress : "localhost");
        this.maxContentLength = configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH);
        if (maxContentLength < 1) {
            throw new IllegalConfigurationException("Invalid value '" + maxContentLength + "' for configuration key '"
                    + RestOptions.SERVER_MAX_CONTENT_LENGTH.key() + "': expected a positive number of bytes");
        }
        String uploadRoot = configuration.getOptional(RestOptions.UPLOAD_DIR).orElse(System.getProperty("java.io.tmpdir"));
        this.uploadDirectory = Paths.get(uploadRoot).toAbsolutePath().resolve("millrace-web-" + UUID.randomUUID());
    }

    /**
     * Creates the upload directory, binds the first free port of the configured ones and starts serving.
     *
     * @return the bound address
     * @throws IOException if no configured port is free or the upload directory cannot be created
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (serverChannel != null || closed) {
            throw new IllegalStateException(closed ? "The REST server was closed" : "The REST server is already started");
        }
        Path requests = Files.createDirectories(uploadDirectory.resolve("requests"));
        Path jars = Files.createDirectories(uploadDirectory.resolve("jars"));
        Path jobs = Files.createDirectories(uploadDirectory.resolve("jobs"));
        int ioThreads = Math.max(1, configuration.get(RestOptions.SERVER_NUM_THREADS));
        ioExecutor = Executors.newFixedThreadPool(ioThreads, new DefaultThreadFactory("millrace-rest-io", true));
        programExecutor = Executors.newSingleThreadExecutor(new DefaultThreadFactory("millrace-rest-program", true));
        Router router = buildRouter(jars, jobs);
        bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("millrace-rest-boss", true));
        workerGroup = new NioEventLoopGroup(0, new DefaultThreadFactory("millrace-rest-worker", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RestChannelInitializer(router, requests, maxContentLength));
        try {
            serverChannel = bind(bootstrap);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        restBaseUrl = "http://" + urlHost(advertisedAddress) + ":" + bound.getPort();
        LOG.info("REST endpoint listening on {} (clients use {}), uploads in {}", bound, restBaseUrl, uploadDirectory);
        return bound;
    }

    private Router buildRouter(Path jarDirectory, Path jobDirectory) {
        ClassLoader serverClassLoader = RestServerEndpoint.class.getClassLoader();
        ClusterHandlers cluster = new ClusterHandlers(gateway, configuration.get(RestOptions.REFRESH_INTERVAL));
        JobHandlers jobs = new JobHandlers(gateway, metrics);
        JobSubmitHandler submit = new JobSubmitHandler(gateway, jobDirectory, ioExecutor, serverClassLoader);
        JarHandlers jars = new JarHandlers(gateway, new JarStore(jarDirectory),
                new ProgramJobGraphExtractor(configuration, serverClassLoader), ioExecutor, programExecutor, this::getRestBaseUrl);
        TaskManagerHandlers taskManagers = new TaskManagerHandlers(gateway, metrics);
        SavepointHandlers savepoints = new SavepointHandlers(gateway);
        return new Router()
                .add(GET, "/config", cluster::config)
                .add(GET, "/overview", cluster::overview)
                .add(GET, "/jobs", jobs::jobs)
                .add(POST, "/jobs", submit::submit)
                .add(GET, "/jobs/overview", jobs::jobsOverview)
                .add(GET, "/jobs/:jobid", jobs::job)
                .add(PATCH, "/jobs/:jobid", jobs::cancel)
                .add(GET, "/jobs/:jobid/yarn-cancel", jobs::cancelJob)
                .add(GET, "/jobs/:jobid/exceptions", jobs::exceptions)
                .add(GET, "/jobs/:jobid/execution-result", jobs::executionResult)
                .add(GET, "/jobs/:jobid/vertices/:vertexid", jobs::vertex)
                .add(GET, "/jobs/:jobid/vertices/:vertexid/backpressure", jobs::backpressure)
                .add(GET, "/jobs/:jobid/checkpoints", savepoints::checkpoints)
                .add(POST, "/jobs/:jobid/savepoints", savepoints::trigger)
                .add(GET, "/jobs/:jobid/savepoints/:triggerid", savepoints::status)
                .add(POST, "/jobs/:jobid/stop", savepoints::stop)
                .add(POST, "/savepoint-disposal", savepoints::dispose)
                .add(GET, "/savepoint-disposal/:triggerid", savepoints::disposalStatus)
                .add(GET, "/jars", jars::list)
                .add(POST, "/jars/upload", jars::upload)
                .add(DELETE, "/jars/:jarid", jars::delete)
                .add(POST, "/jars/:jarid/run", jars::run)
                .add(GET, "/taskmanagers", taskManagers::taskManagers)
                .add(GET, "/taskmanagers/:tmid", taskManagers::taskManager);
    }

    private Channel bind(ServerBootstrap bootstrap) throws IOException {
        IOException last = null;
        for (int port : bindPorts.ports()) {
            InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port) : new InetSocketAddress(bindAddress, port);
            try {
                return bootstrap.bind(address).syncUninterruptibly().channel();
            } catch (Exception e) {
                // Netty rethrows the BindException of the socket unchecked
                if (!(e instanceof IOException io)) {
                    throw e;
                }
                last = io;
                LOG.debug("Could not bind the REST server to {}: {}", address, e.toString());
            }
        }
        throw new IOException("Could not start the REST server on " + (bindAddress == null ? "0.0.0.0" : bindAddress)
                + " with any port of '" + bindPorts + "'", last);
    }

    /** {@code http://host:port} with the configured {@code rest.address}; null before {@link #start()}. */
    public synchronized String getRestBaseUrl() {
        return restBaseUrl;
    }

    /** The directory holding uploads while the server runs (deleted by {@link #close()}). */
    public Path getUploadDirectory() {
        return uploadDirectory;
    }

    /** Stops accepting connections, stops all threads and deletes the upload directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        shutdown(bossGroup);
        shutdown(workerGroup);
        shutdown(ioExecutor);
        shutdown(programExecutor);
        try {
            FileTrees.deleteRecursively(uploadDirectory);
        } catch (IOException e) {
            LOG.warn("Could not delete the REST upload directory {}", uploadDirectory, e);
        }
        LOG.info("REST endpoint {} stopped", restBaseUrl);
    }

    private static void shutdown(EventLoopGroup group) {
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void shutdown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A REST server thread did not stop within 10 s (a user program's main() that ignores interrupts?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
