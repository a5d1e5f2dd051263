package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.runtime.rpc.RpcTestSupport.echo;
import static org.millrace.runtime.rpc.RpcTestSupport.echoHandler;
import static org.millrace.runtime.rpc.RpcTestSupport.failureOf;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.runtime.rpc.testmessages.EchoRequest;
import org.millrace.runtime.rpc.testmessages.EchoResponse;
import org.millrace.shuffle.netty.InternalSsl;
import org.millrace.shuffle.netty.TestCertificates;

/** The control RPC over TLS ({@code security.ssl.internal.*}), with certificates made by keytool for the run. */
@Timeout(120)
class RpcTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path stores;

    private static InternalSsl cluster;
    private static InternalSsl stranger;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void generateCertificates() throws Exception {
        cluster = InternalSsl.fromConfiguration(TestCertificates.identity(stores, "cluster")).orElseThrow();
        stranger = InternalSsl.fromConfiguration(TestCertificates.identity(stores, "stranger")).orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private InetSocketAddress server(InternalSsl ssl) throws Exception {
        RpcServer server = new RpcServer("tls-server", "127.0.0.1", 0, ssl);
        closeables.add(server);
        server.registerHandler(EchoRequest.class, echoHandler());
        return server.start();
    }

    private RpcClient client(InternalSsl ssl) {
        RpcClient client = new RpcClient("tls-client", Duration.ofSeconds(5), ssl);
        closeables.add(client);
        return client;
    }

    @Test
    void requestsAndAnswersTravelOverTls() throws Exception {
        InetSocketAddress address = server(cluster);
        RpcClient client = client(cluster);
        for (int i = 0; i < 100; i++) {
            EchoResponse answer = client.ask(address, echo("over TLS", i), EchoResponse.class, TIMEOUT).get();
            assertEquals(i, answer.getSequence());
            assertEquals("over TLS", answer.getText().toString());
        }
    }

    @Test
    void clientWithAnotherCertificateIsRefusedSayingSo() throws Exception {
        InetSocketAddress address = server(cluster);
        Throwable failure = failureOf(client(stranger).ask(address, echo("let me in", 1), EchoResponse.class, TIMEOUT));
        assertInstanceOf(RpcConnectionException.class, failure);
        assertTrue(failure.getMessage().contains("TLS handshake failed"), failure.getMessage());
    }

    @Test
    void plainTextClientGetsNoAnswerFromATlsServer() throws Exception {
        InetSocketAddress address = server(cluster);
        Throwable failure = failureOf(client(null).ask(address, echo("hello?", 1), EchoResponse.class, TIMEOUT));
        assertInstanceOf(RpcConnectionException.class, failure);
    }
}
