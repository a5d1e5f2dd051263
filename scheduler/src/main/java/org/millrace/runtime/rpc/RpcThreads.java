package org.millrace.runtime.rpc;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Creates and stops the daemon threads of RPC servers and clients, named after their owner. */
final class RpcThreads {

    private static final long STOP_WAIT_SECONDS = 10;

    private RpcThreads() {}

    /** One I/O thread: control traffic is small, and decoding and handlers run elsewhere. */
    static NioEventLoopGroup eventLoop(String owner) {
        return new NioEventLoopGroup(1, new DefaultThreadFactory("Millrace RPC " + owner + " I/O", true));
    }

    static DefaultThreadFactory threadFactory(String owner, String role) {
        return new DefaultThreadFactory("Millrace RPC " + owner + " " + role, true);
    }

    static void stop(NioEventLoopGroup group) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets queued tasks run, then waits (bounded) for the threads to end; interrupts them if they do not. */
    static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
