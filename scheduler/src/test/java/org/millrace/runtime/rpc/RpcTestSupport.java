package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.runtime.rpc.testmessages.EchoRequest;
import org.millrace.runtime.rpc.testmessages.EchoResponse;

/** Messages, handlers and assertions the RPC tests share. */
final class RpcTestSupport {

    private RpcTestSupport() {}

    static EchoRequest echo(String text, int sequence) {
        return EchoRequest.newBuilder().setText(text).setSequence(sequence).build();
    }

    static EchoResponse answer(EchoRequest request) {
        return EchoResponse.newBuilder().setText(request.getText()).setSequence(request.getSequence()).build();
    }

    /** The handler that answers each request with its text and sequence number. */
    static RpcHandler<EchoRequest> echoHandler() {
        return (request, sender) -> CompletableFuture.completedFuture(answer(request));
    }

    /** "127.0.0.1:port", as failure messages name an address. */
    static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /** Waits (bounded) for the future to fail and returns why. */
    static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    /**
     * A record written through the generic API under any schema, but passing as a generated one:
     * lets a test send a message whose schema differs from the receiver's class of the same name.
     */
    static final class RawRecord extends GenericData.Record implements SpecificRecord {
        RawRecord(Schema schema) {
            super(schema);
        }
    }
}
