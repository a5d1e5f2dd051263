package org.millrace.shuffle.netty;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** Creates and stops the small daemon event-loop groups of the shuffle server and client. */
final class NettyEventLoops {

    private NettyEventLoops() {}

    /** A group of {@code threads} daemon threads named "Millrace Netty {role}-...". */
    static NioEventLoopGroup create(String role, int threads) {
        return new NioEventLoopGroup(threads, new DefaultThreadFactory("Millrace Netty " + role, true));
    }

    /** Shuts the group down without a quiet period and waits (bounded) for its threads to end. */
    static void shutdown(NioEventLoopGroup group) {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
