package org.millrace.shuffle.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import org.millrace.shuffle.partition.PartitionNotFoundException;
import org.millrace.shuffle.partition.ResultPartitionManager;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * Turns the client's requests into actions on the connection's {@link PartitionRequestQueue}:
 * a partition request creates a subpartition view through the {@link ResultPartitionManager}
 * (an unknown partition is answered with a retriable error naming it), credit and cancellation go
 * to the reader they name.
 */
final class ServerRequestHandler extends SimpleChannelInboundHandler<NettyMessage> {

    private final ResultPartitionManager partitionManager;
    private final PartitionRequestQueue queue;

    ServerRequestHandler(ResultPartitionManager partitionManager, PartitionRequestQueue queue) {
        this.partitionManager = partitionManager;
        this.queue = queue;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, NettyMessage message) {
        if (message instanceof NettyMessage.AddCredit credit) {
            queue.addCredit(credit.receiverId(), credit.credit());
        } else if (message instanceof NettyMessage.PartitionRequest request) {
            onPartitionRequest(ctx, request);
        } else if (message instanceof NettyMessage.CancelPartitionRequest cancel) {
            queue.cancel(cancel.receiverId());
        } else if (message instanceof NettyMessage.CloseRequest) {
            queue.releaseAll();
            ctx.close();
        } else {
            if (message instanceof BufferResponse response) {
                response.releaseData();
            }
            ctx.fireExceptionCaught(new IOException("Unexpected message from a shuffle client: " + message));
        }
    }

    private void onPartitionRequest(ChannelHandlerContext ctx, NettyMessage.PartitionRequest request) {
        SubpartitionReader reader = new SubpartitionReader(
                request.receiverId(), request.initialCredit(), ctx.channel().eventLoop(), queue);
        ResultSubpartitionView view;
        try {
            view = partitionManager.createSubpartitionView(request.partitionId(), request.subpartitionIndex(), reader);
        } catch (PartitionNotFoundException e) {
            ctx.writeAndFlush(new NettyMessage.ErrorResponse(request.receiverId(), true, e.getMessage()), ctx.voidPromise());
            return;
        } catch (IOException | RuntimeException e) {
            String text = "Cannot read subpartition " + request.subpartitionIndex() + " of partition "
                    + request.partitionId() + ": " + e.getMessage();
            ctx.writeAndFlush(new NettyMessage.ErrorResponse(request.receiverId(), false, text), ctx.voidPromise());
            return;
        }
        reader.view = view;
        queue.addReader(reader);
    }
}
