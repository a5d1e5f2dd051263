package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.millrace.runtime.rpc.RpcTestSupport.echo;
import static org.millrace.runtime.rpc.RpcTestSupport.failureOf;
import static org.millrace.runtime.rpc.RpcTestSupport.hostAndPort;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.runtime.rpc.RpcTestSupport.RawRecord;
import org.millrace.runtime.rpc.testmessages.BlobRequest;
import org.millrace.runtime.rpc.testmessages.EchoRequest;
import org.millrace.runtime.rpc.testmessages.EchoResponse;

@Timeout(60)
class RpcCompatibilityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** EchoRequest as another Millrace version might define it: same full name, other fields. */
    private static final Schema OTHER_ECHO_REQUEST = new Schema.Parser().parse("""
            {"type": "record", "name": "EchoRequest", "namespace": "org.millrace.runtime.rpc.testmessages",
             "fields": [{"name": "text", "type": "string"}, {"name": "sequence", "type": "long"},
                        {"name": "attempt", "type": "int"}]}""");

    private static final Schema OTHER_ECHO_RESPONSE = new Schema.Parser().parse("""
            {"type": "record", "name": "EchoResponse", "namespace": "org.millrace.runtime.rpc.testmessages",
             "fields": [{"name": "text", "type": "string"}]}""");

    private RpcServer server;
    private RpcClient client;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer("test-server", "127.0.0.1", 0);
        server.registerHandler(EchoRequest.class, (request, sender) -> {
            if (request.getText().equals("answer with another version")) {
                RawRecord response = new RawRecord(OTHER_ECHO_RESPONSE);
                response.put("text", "from the other version");
                return CompletableFuture.completedFuture(response);
            }
            return CompletableFuture.completedFuture(RpcTestSupport.answer(request));
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
    void requestWithAnotherSchemaOfTheSameNameIsRefusedNamingBothFingerprints() {
        RawRecord request = new RawRecord(OTHER_ECHO_REQUEST);
        request.put("text", "deploy");
        request.put("sequence", 1L);
        request.put("attempt", 0);

        RpcException e = assertInstanceOf(RpcException.class,
                failureOf(client.ask(address, request, EchoResponse.class, TIMEOUT)));

        assertEquals("EchoRequest to " + hostAndPort(address) + " failed: incompatible control message"
                + " org.millrace.runtime.rpc.testmessages.EchoRequest: schema fingerprint "
                + fingerprint(OTHER_ECHO_REQUEST) + ", expected " + fingerprint(EchoRequest.getClassSchema())
                + " — are JobManager and TaskManager the same Millrace version?", e.getMessage());
    }

    @Test
    void responseWithAnotherSchemaOfTheSameNameIsRefusedByTheCaller() {
        RpcException e = assertInstanceOf(RpcException.class, failureOf(
                client.ask(address, echo("answer with another version", 1), EchoResponse.class, TIMEOUT)));

        assertEquals("EchoRequest to " + hostAndPort(address) + " failed: incompatible control message"
                + " org.millrace.runtime.rpc.testmessages.EchoResponse: schema fingerprint "
                + fingerprint(OTHER_ECHO_RESPONSE) + ", expected " + fingerprint(EchoResponse.getClassSchema())
                + " — are JobManager and TaskManager the same Millrace version?", e.getMessage());
    }

    @Test
    void responseOfAnotherTypeThanExpectedIsRefused() {
        RpcException e = assertInstanceOf(RpcException.class,
                failureOf(client.ask(address, echo("hello", 1), EchoRequest.class, TIMEOUT)));

        assertEquals("EchoRequest to " + hostAndPort(address) + " failed: the peer answered with"
                + " org.millrace.runtime.rpc.testmessages.EchoResponse, expected"
                + " org.millrace.runtime.rpc.testmessages.EchoRequest", e.getMessage());
    }

    @Test
    void frameOfAnotherProtocolVersionIsAnsweredWithAVersionError() throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(1 + 1 + 8 + 5);
            out.writeByte(99); // a future protocol version
            out.writeByte(0); // request
            out.writeLong(42); // correlation id
            out.write(new byte[] {1, 2, 3, 4, 5}); // whatever version 99 puts here
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            InboundFrame frame = InboundFrame.parse(Unpooled.wrappedBuffer(answer));
            try {
                assertEquals(FrameKind.ERROR, frame.kind());
                assertEquals(42, frame.correlationId());
                assertEquals(RemoteFailure.refusal("the peer speaks control protocol version 99, this process speaks 1"
                        + " — are JobManager and TaskManager the same Millrace version?"),
                        RemoteFailure.readFrom(frame.body()));
            } finally {
                frame.release();
            }
        }
    }

    @Test
    void answerOfAnotherProtocolVersionFailsTheRequestNamingBothVersions() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, address.getAddress())) {
            peer.setSoTimeout(30_000);
            InetSocketAddress peerAddress = new InetSocketAddress(address.getAddress(), peer.getLocalPort());
            CompletableFuture<EchoResponse> answer =
                    client.ask(peerAddress, echo("hello", 1), EchoResponse.class, TIMEOUT);

            try (Socket connection = peer.accept()) {
                DataInputStream in = new DataInputStream(connection.getInputStream());
                byte[] request = new byte[in.readInt()];
                in.readFully(request);
                long correlationId = ByteBuffer.wrap(request, 2, 8).getLong();
                DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                out.writeInt(1 + 1 + 8);
                out.writeByte(2); // a newer protocol version
                out.writeByte(1); // response
                out.writeLong(correlationId);
                out.flush();

                RpcException e = assertInstanceOf(RpcException.class, failureOf(answer));
                assertEquals("EchoRequest to " + hostAndPort(peerAddress) + " failed: the peer speaks control"
                        + " protocol version 2, this process speaks 1 — are JobManager and TaskManager the same"
                        + " Millrace version?", e.getMessage());
            }
        }
    }

    @Test
    void frameAnnouncingMoreThanTheLimitClosesTheConnection() throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(RpcFrames.MAX_FRAME_BYTES + 1);
            out.write(new byte[64]);
            out.flush();

            assertEquals(-1, socket.getInputStream().read(), "the server closes the connection");
        }
    }

    @Test
    void messageLargerThanTheFrameLimitIsRejectedBeforeSending() {
        BlobRequest blob = BlobRequest.newBuilder().setPayload(ByteBuffer.allocate(2 << 20)).build();

        RpcFrames.FrameTooLargeException e = assertThrows(RpcFrames.FrameTooLargeException.class,
                () -> RpcFrames.message(FrameKind.REQUEST, 1, blob, 1 << 20));
        // header 69 bytes (version, kind, correlation id, name length, 49-byte name, fingerprint),
        // body a 4-byte length and the 2 MiB payload
        assertEquals("control message BlobRequest is 2097225 bytes, more than the 1 MiB a control frame may carry",
                e.getMessage());
    }

    @Test
    void frameHeaderCarriesTypeNameAndFingerprint() throws Exception {
        ByteBuf encoded = RpcFrames.message(FrameKind.REQUEST, 5, echo("x", 1), RpcFrames.MAX_FRAME_BYTES);
        encoded.skipBytes(4);
        InboundFrame frame = InboundFrame.parse(encoded);
        try {
            assertEquals(FrameKind.REQUEST, frame.kind());
            assertEquals(5, frame.correlationId());
            assertEquals("org.millrace.runtime.rpc.testmessages.EchoRequest", frame.typeName());
            assertEquals(SchemaNormalization.parsingFingerprint64(EchoRequest.getClassSchema()), frame.fingerprint());
            EchoRequest decoded = MessageType.forClass(EchoRequest.class).read(frame.body());
            assertEquals(echo("x", 1), decoded);
        } finally {
            frame.release();
        }
    }

    private static String fingerprint(Schema schema) {
        return String.format("%016x", SchemaNormalization.parsingFingerprint64(schema));
    }
}
