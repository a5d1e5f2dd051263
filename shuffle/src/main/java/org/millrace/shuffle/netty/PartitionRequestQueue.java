package org.millrace.shuffle.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.collection.LongObjectHashMap;
import java.io.IOException;
import java.util.ArrayDeque;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one server connection: writes buffers of the connection's subpartition
 * readers, each only against its receiver's credit and only while the channel is writable.
 *
 * <pre>
 *  producer adds ─> reader.notifyDataAvailable ─> event loop ─> [ready readers] ─> poll view ─> write
 *                                   AddCredit ─────────────────────^    (credit > 0 and data)
 * </pre>
 *
 * Readers with data and credit wait in a FIFO and get one buffer per turn, so receivers share the
 * connection fairly. So at most {@code credit} buffers per receiver are ever queued in Netty, and
 * once the socket's high water mark is reached writing stops until the channel is writable again.
 *
 * <p>All state is in plain fields: everything runs on the channel's event loop.
 */
final class PartitionRequestQueue extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestQueue.class);

    private final LongObjectHashMap<SubpartitionReader> readers = new LongObjectHashMap<>();
    private final ArrayDeque<SubpartitionReader> ready = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** A reader whose view was just created; it starts sending once its view notifies. */
    void addReader(SubpartitionReader reader) {
        SubpartitionReader previous = readers.put(reader.receiverId, reader);
        if (previous != null) {
            previous.release();
        }
    }

    void addCredit(long receiverId, int credit) {
        SubpartitionReader reader = readers.get(receiverId);
        if (reader == null) {
            return; // released or not yet found; the receiver re-sends its full credit with a new request
        }
        reader.credit += credit;
        enqueueIfReady(reader);
        writeReady();
    }

    void cancel(long receiverId) {
        SubpartitionReader reader = readers.remove(receiverId);
        if (reader != null) {
            reader.release();
        }
    }

    /** Releases every reader's view, e.g. because the connection closed. */
    void releaseAll() {
        for (SubpartitionReader reader : readers.values()) {
            reader.release();
        }
        readers.clear();
        ready.clear();
    }

    void onDataAvailable(SubpartitionReader reader) {
        if (reader.released) {
            return;
        }
        reader.dataAvailable = true;
        enqueueIfReady(reader);
        writeReady();
    }

    private void enqueueIfReady(SubpartitionReader reader) {
        if (!reader.queued && reader.dataAvailable && reader.credit > 0 && !reader.released) {
            reader.queued = true;
            ready.add(reader);
        }
    }

    private void writeReady() {
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            SubpartitionReader reader = ready.poll();
            if (reader == null) {
                break;
            }
            reader.queued = false;
            if (reader.released) {
                continue;
            }
            wrote |= writeOne(reader);
        }
        if (wrote) {
            ctx.flush();
        }
    }

    /** Polls one buffer of the reader and writes it (or an error); returns whether anything was written. */
    private boolean writeOne(SubpartitionReader reader) {
        BufferAndBacklog next;
        try {
            next = reader.view.pollNext();
        } catch (IOException e) {
            readers.remove(reader.receiverId);
            reader.release();
            ctx.write(new NettyMessage.ErrorResponse(reader.receiverId, false, String.valueOf(e.getMessage())),
                    ctx.voidPromise());
            return true;
        }
        if (next == null) {
            reader.dataAvailable = false;
            return false;
        }
        Buffer buffer = next.getBuffer();
        boolean more = next.isMoreAvailable();
        boolean last = !more && buffer.isEvent() && isEndOfPartition(buffer);
        reader.credit--;
        BufferResponse response = BufferResponse.toSend(buffer, reader.receiverId, reader.sequenceNumber++, next.getBacklog());
        ctx.write(response).addListener(response);
        if (last) {
            readers.remove(reader.receiverId);
            reader.release();
        } else {
            reader.dataAvailable = more;
            enqueueIfReady(reader);
        }
        return true;
    }

    private static boolean isEndOfPartition(Buffer eventBuffer) {
        try {
            return EventSerializer.fromBuffer(eventBuffer) instanceof EndOfPartitionEvent;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            writeReady();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAll();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing shuffle connection from {} after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        LOG.debug("Shuffle connection error", cause);
        releaseAll();
        if (ctx.channel().isActive()) {
            String text = "Shuffle server " + ctx.channel().localAddress() + " closes the connection: " + cause.getMessage();
            ctx.writeAndFlush(new NettyMessage.ErrorResponse(NettyMessage.CONNECTION_WIDE, false, text))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
