package org.millrace.runtime.rest.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.file.Path;

/**
 * The pipeline of every REST connection:
 *
 * <pre>
 *  bytes ─> HttpServerCodec ─> ExpectContinueHandler ─> MultipartUploadHandler ──────────────────────> RestRequestDispatcher
 *                                                        │ (multipart POST: parts to disk, one RestRequest)  ▲
 *                                                        └─ other requests ─> JsonHttpObjectAggregator ─────┘
 * </pre>
 * </pre>
 *
 * The size limit is enforced twice: on a multipart body as it streams to disk, and on any other body
 * by the aggregator; both answer 413 and close the connection.
 */
public final class RestChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final Router router;
    private final Path uploadRequestsDirectory;
    private final int maxContentLength;

    /**
     * @param uploadRequestsDirectory where each multipart request gets a temporary directory for its files
     * @param maxContentLength the largest request body accepted, in bytes
     */
    public RestChannelInitializer(Router router, Path uploadRequestsDirectory, int maxContentLength) {
        this.router = router;
        this.uploadRequestsDirectory = uploadRequestsDirectory;
        this.maxContentLength = maxContentLength;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("expect-continue", new ExpectContinueHandler(maxContentLength));
        pipeline.addLast("multipart", new MultipartUploadHandler(uploadRequestsDirectory, maxContentLength));
        pipeline.addLast("aggregator", new JsonHttpObjectAggregator(maxContentLength));
        pipeline.addLast("dispatcher", new RestRequestDispatcher(router));
    }
}
