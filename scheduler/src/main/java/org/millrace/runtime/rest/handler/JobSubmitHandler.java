package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InvalidClassException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.rest.http.FileTrees;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;
import org.millrace.runtime.rest.http.UploadedFile;
import org.millrace.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /jobs}: a multipart request whose field {@code request} is
 * {@code {"jobGraphFileName":..,"jobJarFileNames":[..],"jobName":..}} and whose file parts are the
 * Java-serialized {@link JobGraph} and the job's JARs. The graph is read with a class loader over
 * those JARs; the JARs are kept under the server's upload directory (until the server stops) and
 * passed to {@link DispatcherGateway#submitJob}. Reading and moving files runs on the I/O executor.
 */
public final class JobSubmitHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JobSubmitHandler.class);

    static final String REQUEST_FIELD = "request";

    private final DispatcherGateway gateway;
    private final Path jobFilesDirectory;
    private final Executor ioExecutor;
    private final ClassLoader parentClassLoader;

    /**
     * @param jobFilesDirectory where the JARs of submitted jobs are kept
     * @param parentClassLoader the parent of the loader that reads job graphs (the server's own)
     */
    public JobSubmitHandler(DispatcherGateway gateway, Path jobFilesDirectory, Executor ioExecutor, ClassLoader parentClassLoader) {
        this.gateway = gateway;
        this.jobFilesDirectory = jobFilesDirectory;
        this.ioExecutor = ioExecutor;
        this.parentClassLoader = parentClassLoader;
    }

    public CompletableFuture<RestResponse> submit(RestRequest request) throws RestHandlerException {
        if (!request.isMultipart()) {
            throw RestHandlerException.badRequest("POST /jobs expects multipart/form-data: a field '" + REQUEST_FIELD
                    + "' with the JSON submission and one file part per file it names");
        }
        return Blocking.call(() -> prepare(request), ioExecutor).thenCompose(this::submitPrepared);
    }

    private record PreparedJob(JobGraph jobGraph, Path jarDirectory, List<Path> jars) {}

    private PreparedJob prepare(RestRequest request) throws RestHandlerException, IOException {
        JsonNode submission = submissionJson(request);
        UploadedFile graphFile = namedFile(request, requiredText(submission, "jobGraphFileName"));
        List<UploadedFile> jarFiles = new ArrayList<>();
        JsonNode jarNames = submission.path("jobJarFileNames");
        if (!jarNames.isMissingNode() && !jarNames.isNull() && !jarNames.isArray()) {
            throw RestHandlerException.badRequest("'jobJarFileNames' must be an array of file names");
        }
        for (JsonNode name : jarNames) {
            jarFiles.add(namedFile(request, name.asText()));
        }
        JobGraph jobGraph = readJobGraph(graphFile, jarFiles);
        Path jarDirectory = Files.createTempDirectory(jobFilesDirectory, jobGraph.getJobID() + "-");
        List<Path> jars = new ArrayList<>();
        for (UploadedFile jar : jarFiles) {
            jars.add(Files.move(jar.path(), jarDirectory.resolve(jar.fileName())));
        }
        LOG.info("Received job '{}' ({}) with {} JAR(s)", jobGraph.getName(), jobGraph.getJobID(), jars.size());
        return new PreparedJob(jobGraph, jarDirectory, jars);
    }

    private CompletableFuture<RestResponse> submitPrepared(PreparedJob job) {
        return gateway.submitJob(job.jobGraph(), job.jars()).handle((ignored, failure) -> {
            if (failure != null) {
                deleteQuietly(job.jarDirectory());
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            }
            return RestResponse.accepted(RestJson.object().put("jobUrl", "/jobs/" + job.jobGraph().getJobID()));
        });
    }

    private static JsonNode submissionJson(RestRequest request) throws RestHandlerException, IOException {
        String text = request.formFields().get(REQUEST_FIELD);
        if (text == null) {
            for (UploadedFile file : request.uploadedFiles()) {
                if (file.fieldName().equals(REQUEST_FIELD)) {
                    text = Files.readString(file.path(), StandardCharsets.UTF_8);
                }
            }
        }
        if (text == null) {
            throw RestHandlerException.badRequest("The multipart request has no field '" + REQUEST_FIELD
                    + "' with the job submission ({\"jobGraphFileName\":...,\"jobJarFileNames\":[...]})");
        }
        try {
            JsonNode json = RestJson.MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw RestHandlerException.badRequest("The field '" + REQUEST_FIELD + "' must hold a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest("The field '" + REQUEST_FIELD + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String requiredText(JsonNode json, String field) throws RestHandlerException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw RestHandlerException.badRequest("The job submission names no job graph file ('" + field + "' is missing)");
        }
        return value.asText();
    }

    private static UploadedFile namedFile(RestRequest request, String fileName) throws RestHandlerException {
        for (UploadedFile file : request.uploadedFiles()) {
            if (file.fileName().equals(fileName)) {
                return file;
            }
        }
        throw RestHandlerException.badRequest("The job submission names the file '" + fileName + "', but no part uploads it");
    }

    private JobGraph readJobGraph(UploadedFile graphFile, List<UploadedFile> jars) throws RestHandlerException, IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).path().toUri().toURL();
        }
        byte[] bytes = Files.readAllBytes(graphFile.path());
        Object graph;
        try (URLClassLoader loader = new URLClassLoader(urls, parentClassLoader)) {
            graph = InstantiationUtil.deserializeObject(bytes, loader);
        } catch (ClassNotFoundException e) {
            throw new RestHandlerException(HttpResponseStatus.BAD_REQUEST,
                    "The job graph needs the class " + e.getMessage() + ", which is in none of the uploaded JARs", e);
        } catch (InvalidClassException e) {
            throw new RestHandlerException(HttpResponseStatus.BAD_REQUEST,
                    "The job graph was written by an incompatible Millrace version: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new RestHandlerException(HttpResponseStatus.BAD_REQUEST,
                    "The file '" + graphFile.fileName() + "' is not a serialized job graph", e);
        }
        if (!(graph instanceof JobGraph jobGraph)) {
            throw RestHandlerException.badRequest("The file '" + graphFile.fileName() + "' holds a "
                    + (graph == null ? "null" : graph.getClass().getName()) + ", not a job graph");
        }
        return jobGraph;
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }
}
