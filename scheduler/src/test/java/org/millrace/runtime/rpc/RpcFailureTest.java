package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.runtime.rpc.RpcTestSupport.echo;
import static org.millrace.runtime.rpc.RpcTestSupport.failureOf;
import static org.millrace.runtime.rpc.RpcTestSupport.hostAndPort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.runtime.rpc.testmessages.BlobRequest;
import org.millrace.runtime.rpc.testmessages.EchoRequest;
import org.millrace.runtime.rpc.testmessages.EchoResponse;

@Timeout(60)
class RpcFailureTest {

    /** Longer than any test waits: a failure seen in time did not come from a timeout. */
    private static final Duration LONG = Duration.ofMinutes(5);

    /** Completed when a request reached a handler that never answers. */
    private final CompletableFuture<Void> held = new CompletableFuture<>();
    private RpcServer server;
    private RpcClient client;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer("test-server", "127.0.0.1", 0);
        server.registerHandler(EchoRequest.class, (request, sender) -> switch (request.getText()) {
            case "throw" -> throw new IllegalStateException("task " + request.getSequence() + " is not running");
            case "fail" -> CompletableFuture.failedFuture(new IOException("slot " + request.getSequence() + " is gone"));
            case "hold" -> {
                held.complete(null);
                yield new CompletableFuture<EchoResponse>();
            }
            default -> CompletableFuture.completedFuture(RpcTestSupport.answer(request));
        });
        address = server.start();
        client = new RpcClient("test-client", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void handlerExceptionFailsTheCallerWithTheRemoteExceptionAndAddress() {
        Throwable failure = failureOf(client.ask(address, echo("throw", 7), EchoResponse.class, LONG));

        RpcException e = assertInstanceOf(RpcException.class, failure);
        assertEquals("EchoRequest to " + hostAndPort(address)
                + " failed: java.lang.IllegalStateException: task 7 is not running", e.getMessage());
        assertEquals("java.lang.IllegalStateException", e.getRemoteExceptionClass());
        assertTrue(e.getRemoteStackTrace().contains("RpcFailureTest"), e.getRemoteStackTrace());
    }

    @Test
    void failedHandlerFutureFailsTheCaller() {
        Throwable failure = failureOf(client.tell(address, echo("fail", 3), LONG));

        RpcException e = assertInstanceOf(RpcException.class, failure);
        assertEquals("EchoRequest to " + hostAndPort(address) + " failed: java.io.IOException: slot 3 is gone",
                e.getMessage());
        assertEquals("java.io.IOException", e.getRemoteExceptionClass());
    }

    @Test
    void serverKeepsServingAfterAHandlerFailed() throws Exception {
        failureOf(client.ask(address, echo("throw", 1), EchoResponse.class, LONG));

        EchoResponse response = client.ask(address, echo("fine", 2), EchoResponse.class, LONG).get(30, TimeUnit.SECONDS);
        assertEquals("fine", response.getText());
    }

    @Test
    void noAnswerWithinTheTimeoutFailsWithTimeoutNamingTypeAndAddress() {
        Throwable failure = failureOf(client.ask(address, echo("hold", 1), EchoResponse.class, Duration.ofMillis(300)));

        RpcTimeoutException e = assertInstanceOf(RpcTimeoutException.class, failure);
        assertEquals("EchoRequest to " + hostAndPort(address) + " timed out after 300 ms", e.getMessage());
    }

    @Test
    void timeoutMessageStatesWholeSecondsInSeconds() {
        RpcTimeoutException e = RpcTimeoutException.of("SubmitTask", new InetSocketAddress("127.0.0.1", 6123),
                Duration.ofSeconds(10));
        assertEquals("SubmitTask to 127.0.0.1:6123 timed out after 10 s", e.getMessage());
    }

    @Test
    void serverClosingMidRequestFailsThePendingRequestAtOnce() throws Exception {
        CompletableFuture<EchoResponse> pending = client.ask(address, echo("hold", 1), EchoResponse.class, LONG);
        held.get(30, TimeUnit.SECONDS);

        server.close();

        Throwable failure = failureOf(pending);
        RpcConnectionException e = assertInstanceOf(RpcConnectionException.class, failure);
        assertEquals("EchoRequest to " + hostAndPort(address)
                + " failed: the connection closed before the answer came", e.getMessage());
    }

    @Test
    void refusedConnectionFailsWithConnectionExceptionNamingTheAddress() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, address.getAddress())) {
            nobody = new InetSocketAddress(address.getAddress(), socket.getLocalPort());
        }

        Throwable failure = failureOf(client.ask(nobody, echo("anyone?", 1), EchoResponse.class, LONG));

        RpcConnectionException e = assertInstanceOf(RpcConnectionException.class, failure);
        assertTrue(e.getMessage().startsWith("EchoRequest to " + hostAndPort(nobody) + " failed: cannot connect to "
                + hostAndPort(nobody) + ": "), e.getMessage());
    }

    @Test
    void messageWithoutHandlerIsAnsweredWithNoHandler() {
        Throwable failure = failureOf(client.tell(address, BlobRequest.newBuilder()
                .setPayload(ByteBuffer.allocate(4)).build(), LONG));

        RpcException e = assertInstanceOf(RpcException.class, failure);
        assertEquals("BlobRequest to " + hostAndPort(address)
                + " failed: no handler for org.millrace.runtime.rpc.testmessages.BlobRequest", e.getMessage());
        assertNull(e.getRemoteExceptionClass());
    }

    @Test
    void closingTheClientFailsPendingRequests() throws Exception {
        CompletableFuture<EchoResponse> pending = client.ask(address, echo("hold", 1), EchoResponse.class, LONG);
        held.get(30, TimeUnit.SECONDS);

        client.close();

        RpcConnectionException e = assertInstanceOf(RpcConnectionException.class, failureOf(pending));
        assertEquals("EchoRequest to " + hostAndPort(address) + " failed: RPC client test-client closed", e.getMessage());
        assertInstanceOf(RpcConnectionException.class,
                failureOf(client.tell(address, echo("after close", 2), LONG)));
    }

    @Test
    void takenPortFailsStartNamingHostAndPort() {
        RpcServer second = new RpcServer("second", "127.0.0.1", address.getPort());
        try {
            IOException e = assertThrows(IOException.class, second::start);
            assertTrue(e.getMessage().startsWith("Cannot start RPC server second on 127.0.0.1:" + address.getPort()),
                    e.getMessage());
        } finally {
            second.close();
        }
    }

    @Test
    void closeStopsEveryThreadOfServerAndClient() throws Exception {
        RpcServer own = new RpcServer("leak-check-server", "127.0.0.1", 0);
        own.registerHandler(EchoRequest.class, RpcTestSupport.echoHandler());
        RpcClient ownClient = new RpcClient("leak-check-client", Duration.ofSeconds(5));
        try {
            ownClient.ask(own.start(), echo("hello", 1), EchoResponse.class, LONG).get(30, TimeUnit.SECONDS);
            assertTrue(threadsNamed("leak-check").size() >= 4, "I/O, dispatcher, timer and callback threads");
        } finally {
            ownClient.close();
            own.close();
        }

        for (Thread thread : threadsNamed("leak-check")) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close()");
        }
    }

    private static List<Thread> threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains(part)).toList();
    }

    @Test
    void handlersCannotBeRegisteredAfterStart() {
        assertThrows(IllegalStateException.class,
                () -> server.registerHandler(BlobRequest.class, (request, sender) -> null));
    }
}
