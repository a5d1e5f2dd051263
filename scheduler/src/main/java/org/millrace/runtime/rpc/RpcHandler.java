package org.millrace.runtime.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;

/**
 * Handles one type of control message at an {@link RpcServer}. All handlers of a server run one at
 * a time on the server's dispatcher thread, in arrival order per connection, so a handler may use
 * the state it shares with the server's other handlers without locks.
 *
 * <p>Pitfall: a handler that blocks stalls every other message of its server. Work that waits
 * (on another RPC, on I/O) belongs in the returned future, completed later from elsewhere.
 *
 * @param <Q> the request type, a generated Avro record class
 */
@FunctionalInterface
public interface RpcHandler<Q> {

    /**
     * Handles a request.
     *
     * @param sender the connection's remote address (the peer's outgoing socket, not its server port)
     * @return null or a future of null for a plain acknowledgement, or a future of the response;
     *     an exception thrown here or a failed future is sent to the caller as an {@link RpcException}
     */
    CompletableFuture<? extends SpecificRecord> handle(Q request, InetSocketAddress sender) throws Exception;

    /** A plain acknowledgement sent once {@code done} completes (or its failure, if it fails). */
    static CompletableFuture<SpecificRecord> acknowledgeWhen(CompletableFuture<?> done) {
        return done.thenApply(ignored -> null);
    }
}
