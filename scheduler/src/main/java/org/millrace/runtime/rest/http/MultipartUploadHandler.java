package org.millrace.runtime.rest.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.EndOfDataDecoderException;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams {@code multipart/form-data} POST bodies to disk as they arrive, so a 100 MiB JAR never
 * sits in the heap, and passes one {@link RestRequest} with the form fields and file paths
 * downstream once the body is complete. Other requests pass through untouched (to the aggregator).
 *
 * <p>Each multipart request gets its own directory under the server's upload directory; the
 * {@link RestRequestDispatcher} deletes it after the response. A body over the size limit or one
 * that does not decode is answered (413 / 400) and the connection closed.
 *
 * <p>One instance per channel: its state lives in plain fields, touched only by the channel's event loop.
 */
final class MultipartUploadHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploadHandler.class);

    private enum State { IDLE, UPLOADING, DISCARDING }

    private final Path requestsDirectory;
    private final long maxContentLength;

    private State state = State.IDLE;
    private HttpRequest request;
    private HttpPostRequestDecoder decoder;
    private Path requestDirectory;
    private long bytesReceived;
    private final Map<String, String> formFields = new HashMap<>();
    private final List<UploadedFile> files = new ArrayList<>();

    MultipartUploadHandler(Path requestsDirectory, long maxContentLength) {
        this.requestsDirectory = requestsDirectory;
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean startsUpload = state == State.IDLE && msg instanceof HttpRequest r && isMultipartPost(r);
        if (state == State.IDLE && !startsUpload) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (startsUpload) {
                begin(ctx, (HttpRequest) msg);
            }
            if (state == State.UPLOADING && msg instanceof HttpContent content) {
                offer(ctx, content);
            }
        } catch (IOException e) {
            LOG.error("Could not store the upload of {} {}", request == null ? "" : request.method(),
                    request == null ? "" : request.uri(), e);
            fail(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error: could not store the upload");
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private static boolean isMultipartPost(HttpRequest request) {
        return request.decoderResult().isSuccess() && HttpMethod.POST.equals(request.method())
                && HttpPostRequestDecoder.isMultipart(request);
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest httpRequest) throws IOException {
        if (HttpUtil.getContentLength(httpRequest, -1L) > maxContentLength) {
            fail(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ExpectContinueHandler.tooLargeMessage(maxContentLength));
            return;
        }
        requestDirectory = Files.createDirectories(requestsDirectory.resolve(UUID.randomUUID().toString()));
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(true);
        factory.setBaseDir(requestDirectory.toString());
        factory.setDeleteOnExit(false);
        request = httpRequest;
        state = State.UPLOADING;
        try {
            decoder = new HttpPostRequestDecoder(factory, httpRequest);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            fail(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed multipart request: " + e.getMessage());
        }
    }

    private void offer(ChannelHandlerContext ctx, HttpContent content) throws IOException {
        bytesReceived += content.content().readableBytes();
        if (bytesReceived > maxContentLength) {
            fail(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ExpectContinueHandler.tooLargeMessage(maxContentLength));
            return;
        }
        try {
            decoder.offer(content);
            drainParts();
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            fail(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed multipart request: " + e.getMessage());
            return;
        } catch (RestHandlerException e) {
            fail(ctx, e.status(), e.getMessage());
            return;
        }
        if (content instanceof LastHttpContent) {
            RestRequest complete = RestRequest.multipart(request, formFields, files, requestDirectory);
            requestDirectory = null; // owned by the request now
            reset();
            ctx.fireChannelRead(complete);
        }
    }

    private void drainParts() throws IOException, RestHandlerException {
        try {
            while (decoder.hasNext()) {
                InterfaceHttpData part = decoder.next();
                if (part instanceof FileUpload file && file.isCompleted()) {
                    keepFile(file);
                } else if (part instanceof Attribute attribute) {
                    formFields.put(attribute.getName(), attribute.getValue());
                }
            }
        } catch (EndOfDataDecoderException e) {
            // all parts read
        }
    }

    private void keepFile(FileUpload file) throws IOException, RestHandlerException {
        String name = lastPathSegment(file.getFilename());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw RestHandlerException.badRequest("Invalid file name '" + file.getFilename() + "' in part '" + file.getName() + "'");
        }
        for (UploadedFile previous : files) {
            if (previous.fileName().equals(name)) {
                throw RestHandlerException.badRequest("Two parts upload a file named '" + name + "'");
            }
        }
        Path target = Files.createDirectories(requestDirectory.resolve("files")).resolve(name);
        if (!file.renameTo(target.toFile())) {
            throw new IOException("Could not move the upload '" + name + "' to " + target);
        }
        decoder.removeHttpDataFromClean(file);
        files.add(new UploadedFile(file.getName(), name, target));
    }

    private static String lastPathSegment(String fileName) {
        String name = fileName == null ? "" : fileName.trim();
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1);
    }

    private void fail(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        abort();
        state = State.DISCARDING;
        HttpResponses.sendErrorAndClose(ctx, status, message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        abort();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        abort();
    }

    /** Drops a half-received upload and its files. */
    private void abort() {
        Path directory = requestDirectory;
        requestDirectory = null;
        reset();
        if (directory != null) {
            try {
                FileTrees.deleteRecursively(directory);
            } catch (IOException e) {
                LOG.warn("Could not delete the upload directory {}", directory, e);
            }
        }
    }

    private void reset() {
        if (decoder != null) {
            decoder.destroy();
            decoder = null;
        }
        request = null;
        bytesReceived = 0;
        formFields.clear();
        files.clear();
        state = State.IDLE;
    }
}
