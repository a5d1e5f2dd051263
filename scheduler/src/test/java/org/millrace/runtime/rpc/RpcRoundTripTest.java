package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.runtime.rpc.RpcTestSupport.answer;
import static org.millrace.runtime.rpc.RpcTestSupport.echo;
import static org.millrace.runtime.rpc.RpcTestSupport.echoHandler;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.runtime.rpc.testmessages.BlobRequest;
import org.millrace.runtime.rpc.testmessages.EchoRequest;
import org.millrace.runtime.rpc.testmessages.EchoResponse;

@Timeout(60)
class RpcRoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Queue<Integer> toldSequences = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> blobSizes = new ConcurrentLinkedQueue<>();
    private RpcServer server;
    private RpcClient client;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer("test-server", "127.0.0.1", 0);
        server.registerHandler(EchoRequest.class, echoHandler());
        server.registerHandler(BlobRequest.class, (request, sender) -> {
            blobSizes.add(request.getPayload().remaining());
            return null;
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
    void askReturnsTheHandlersResponse() throws Exception {
        EchoResponse response = client.ask(address, echo("deploy map (1/4)", 7), EchoResponse.class, TIMEOUT)
                .get(30, TimeUnit.SECONDS);

        assertEquals("deploy map (1/4)", response.getText());
        assertEquals(7, response.getSequence());
    }

    @Test
    void startReturnsTheBoundPortWhenAskedForAnyPort() {
        assertEquals(address, server.getAddress());
        assertTrue(address.getPort() > 0);
    }

    @Test
    void tellCompletesWhenTheHandlerAcknowledges() throws Exception {
        byte[] payload = new byte[1 << 20];
        Void ack = client.tell(address, BlobRequest.newBuilder().setPayload(ByteBuffer.wrap(payload)).build(),
                TIMEOUT).get(30, TimeUnit.SECONDS);

        assertNull(ack);
        assertEquals(List.of(1 << 20), List.copyOf(blobSizes));
    }

    @Test
    void tenThousandConcurrentAsksAllGetTheirOwnResponse() throws Exception {
        int asks = 10_000;
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<CompletableFuture<EchoResponse>>> sent = new ArrayList<>();
            for (int i = 0; i < asks; i++) {
                EchoRequest request = echo("task-" + i, i);
                sent.add(senders.submit(() -> client.ask(address, request, EchoResponse.class, TIMEOUT)));
            }
            List<CompletableFuture<EchoResponse>> responses = new ArrayList<>();
            for (Future<CompletableFuture<EchoResponse>> future : sent) {
                responses.add(future.get());
            }
            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            for (int i = 0; i < asks; i++) {
                assertEquals(answer(echo("task-" + i, i)), responses.get(i).get());
            }
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void messagesFromOneThreadAreHandledInTheOrderSent() throws Exception {
        RpcServer ordered = new RpcServer("ordered", "127.0.0.1", 0);
        ordered.registerHandler(EchoRequest.class, (request, sender) -> {
            toldSequences.add(request.getSequence());
            return null;
        });
        try {
            InetSocketAddress orderedAddress = ordered.start();
            // sent without waiting: the first ones queue while the connection opens
            List<CompletableFuture<Void>> acks = IntStream.range(0, 2_000)
                    .mapToObj(i -> client.tell(orderedAddress, echo("state update", i), TIMEOUT))
                    .toList();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertEquals(IntStream.range(0, 2_000).boxed().toList(), List.copyOf(toldSequences));
        } finally {
            ordered.close();
        }
    }

    @Test
    void handlerAnsweringLaterStillAnswersTheRightRequest() throws Exception {
        CompletableFuture<EchoResponse> later = new CompletableFuture<>();
        RpcServer slow = new RpcServer("slow", "127.0.0.1", 0);
        slow.registerHandler(EchoRequest.class, (request, sender) -> request.getSequence() == 1
                ? later
                : CompletableFuture.completedFuture(answer(request)));
        try {
            InetSocketAddress slowAddress = slow.start();
            CompletableFuture<EchoResponse> first = client.ask(slowAddress, echo("first", 1), EchoResponse.class, TIMEOUT);
            EchoResponse second = client.ask(slowAddress, echo("second", 2), EchoResponse.class, TIMEOUT)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(2, second.getSequence());

            later.complete(answer(echo("first, answered late", 1)));
            assertEquals("first, answered late", first.get(30, TimeUnit.SECONDS).getText());
        } finally {
            slow.close();
        }
    }

    @Test
    void clientReconnectsAfterTheServerComesBack() throws Exception {
        int port = address.getPort();
        CompletableFuture<EchoResponse> never = new CompletableFuture<>();
        CompletableFuture<Void> received = new CompletableFuture<>();
        server.close(); // replaced on the same port by one that holds requests, then by a plain one again
        RpcServer holding = new RpcServer("holding", "127.0.0.1", port);
        holding.registerHandler(EchoRequest.class, (request, sender) -> {
            received.complete(null);
            return never;
        });
        holding.start();
        CompletableFuture<EchoResponse> pending = client.ask(address, echo("held", 1), EchoResponse.class, TIMEOUT);
        received.get(30, TimeUnit.SECONDS);
        holding.close();
        RpcTestSupport.failureOf(pending); // the client has seen the connection go

        RpcServer restarted = new RpcServer("restarted", "127.0.0.1", port);
        restarted.registerHandler(EchoRequest.class, echoHandler());
        try {
            restarted.start();
            EchoResponse response = client.ask(address, echo("again", 2), EchoResponse.class, TIMEOUT)
                    .get(30, TimeUnit.SECONDS);
            assertEquals("again", response.getText());
        } finally {
            restarted.close();
        }
    }
}
