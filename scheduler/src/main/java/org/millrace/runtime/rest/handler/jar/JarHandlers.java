package org.millrace.runtime.rest.handler.jar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.millrace.client.cli.ProgramInvocationException;
import org.millrace.client.cli.ProgramJobGraphExtractor;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.rest.handler.Blocking;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;
import org.millrace.runtime.rest.http.UploadedFile;

/**
 * The JAR endpoints: {@code POST /jars/upload}, {@code GET /jars}, {@code DELETE /jars/:jarid} and
 * {@code POST /jars/:jarid/run}, which runs the JAR's main() in the JobManager to get its job graph
 * and submits that. File work runs on the I/O executor, user programs on their own executor.
 */
public final class JarHandlers {

    static final String JAR_FILE_FIELD = "jarfile";
    static final String JAR_ID = "jarid";

    private final DispatcherGateway gateway;
    private final JarStore store;
    private final ProgramJobGraphExtractor extractor;
    private final Executor ioExecutor;
    private final Executor programExecutor;
    private final Supplier<String> restBaseUrl;

    /**
     * @param programExecutor runs user main() methods; single-threaded (see {@link ProgramJobGraphExtractor})
     * @param restBaseUrl the server's address as {@code GET /jars} reports it
     */
    public JarHandlers(DispatcherGateway gateway, JarStore store, ProgramJobGraphExtractor extractor, Executor ioExecutor,
            Executor programExecutor, Supplier<String> restBaseUrl) {
        this.gateway = gateway;
        this.store = store;
        this.extractor = extractor;
        this.ioExecutor = ioExecutor;
        this.programExecutor = programExecutor;
        this.restBaseUrl = restBaseUrl;
    }

    /** {@code POST /jars/upload} with the JAR in the multipart field {@code jarfile}. */
    public CompletableFuture<RestResponse> upload(RestRequest request) throws RestHandlerException {
        UploadedFile jar = null;
        for (UploadedFile file : request.uploadedFiles()) {
            if (file.fieldName().equals(JAR_FILE_FIELD)) {
                jar = file;
            }
        }
        if (jar == null) {
            throw RestHandlerException.badRequest("Upload a JAR as multipart/form-data in the field '" + JAR_FILE_FIELD + "'");
        }
        UploadedFile upload = jar;
        return Blocking.call(() -> store.add(upload.path(), upload.fileName()), ioExecutor)
                .thenApply(stored -> RestResponse.ok(RestJson.object()
                        .put("filename", stored.toString())
                        .put("status", "success")));
    }

    /** {@code GET /jars}: the uploaded JARs, newest first. */
    public CompletableFuture<RestResponse> list(RestRequest request) {
        return Blocking.call(store::list, ioExecutor).thenApply(jars -> {
            ArrayNode files = RestJson.array();
            for (JarStore.StoredJar jar : jars) {
                ObjectNode entry = RestJson.object().put("name", jar.entryClass()).putNull("description");
                files.add(RestJson.object()
                        .put("id", jar.id())
                        .put("name", jar.name())
                        .put("uploaded", jar.uploaded())
                        .set("entry", RestJson.array().add(entry)));
            }
            ObjectNode body = RestJson.object().put("address", restBaseUrl.get());
            body.set("files", files);
            return RestResponse.ok(body);
        });
    }

    /** {@code DELETE /jars/:jarid}. */
    public CompletableFuture<RestResponse> delete(RestRequest request) {
        String jarId = request.pathParameter(JAR_ID);
        return Blocking.call(() -> {
            store.delete(jarId);
            return RestResponse.ok(RestJson.object());
        }, ioExecutor);
    }

    /** {@code POST /jars/:jarid/run}: answers {@code {"jobid":..}} once the job was submitted. */
    public CompletableFuture<RestResponse> run(RestRequest request) throws RestHandlerException {
        String jarId = request.pathParameter(JAR_ID);
        JarRunParameters parameters = JarRunParameters.of(request);
        return Blocking.call(() -> {
                    Path jar = store.resolve(jarId);
                    JobGraph jobGraph;
                    try {
                        jobGraph = extractor.extract(jar, parameters.entryClass(), parameters.programArgs(),
                                parameters.parallelism());
                    } catch (ProgramInvocationException e) {
                        throw RestHandlerException.badRequest(e.getMessage());
                    }
                    return new ProgramJob(jobGraph, jar);
                }, programExecutor)
                .thenCompose(job -> gateway.submitJob(job.jobGraph(), List.of(job.jar()))
                        .thenApply(ignored -> RestResponse.ok(RestJson.object().put("jobid", job.jobGraph().getJobID().toString()))));
    }

    private record ProgramJob(JobGraph jobGraph, Path jar) {}
}
