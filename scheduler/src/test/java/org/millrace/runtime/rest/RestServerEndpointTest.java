package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.dispatcher.ClusterOverview;
import org.millrace.runtime.dispatcher.TaskManagerInfo;
import org.millrace.runtime.rest.metrics.TaskManagerMetrics;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestServerEndpointTest {

    @TempDir
    Path uploadRoot;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private RestTestServer server() throws IOException {
        return server(new Configuration());
    }

    private RestTestServer server(Configuration extra) throws IOException {
        RestTestServer server = new RestTestServer(uploadRoot, extra);
        toClose.add(server);
        return server;
    }

    @Test
    void overviewShowsTheGatewaysNumbersUnderFlinksKeys() throws Exception {
        RestTestServer server = server();
        server.gateway.overview = new ClusterOverview(2, 8, 5, 1, 4, 2, 3);
        RestTestClient.Response response = server.client.get("/overview");
        assertEquals(200, response.status());
        assertEquals("application/json; charset=UTF-8", response.headers().firstValue("content-type").orElseThrow());
        var json = response.json();
        assertEquals(2, json.get("taskmanagers").asInt());
        assertEquals(8, json.get("slots-total").asInt());
        assertEquals(5, json.get("slots-available").asInt());
        assertEquals(1, json.get("jobs-running").asInt());
        assertEquals(4, json.get("jobs-finished").asInt());
        assertEquals(2, json.get("jobs-cancelled").asInt());
        assertEquals(3, json.get("jobs-failed").asInt());
        assertTrue(json.get("flink-version").isTextual());
    }

    @Test
    void configHasRefreshIntervalTimezoneAndVersion() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.REFRESH_INTERVAL, 5000L);
        var json = server(conf).client.get("/config").json();
        assertEquals(5000, json.get("refresh-interval").asLong());
        assertEquals(ZonedDateTime.now().getOffset().getTotalSeconds() * 1000L, json.get("timezone-offset").asLong());
        assertFalse(json.get("timezone-name").asText().isEmpty());
        assertFalse(json.get("flink-version").asText().isEmpty());
        assertTrue(json.has("flink-revision"));
    }

    @Test
    void everyPathIsAlsoServedUnderV1() throws Exception {
        RestTestServer server = server();
        server.gateway.overview = new ClusterOverview(3, 0, 0, 0, 0, 0, 0);
        assertEquals(3, server.client.get("/v1/overview").json().get("taskmanagers").asInt());
        assertEquals(200, server.client.get("/v1/jobs/overview").status());
        assertEquals(200, server.client.get("/v1/jobs/").status());
    }

    @Test
    void unknownPathIs404WithJsonError() throws Exception {
        RestTestClient.Response response = server().client.get("/no/such/path");
        assertEquals(404, response.status());
        assertEquals("Not found: /no/such/path", response.error());
    }

    @Test
    void wrongMethodIs405NamingTheAllowedOnes() throws Exception {
        RestTestClient.Response response = server().client.delete("/jobs");
        assertEquals(405, response.status());
        assertEquals("Method DELETE is not allowed on /jobs (allowed: GET, POST)", response.error());
        assertEquals("GET, POST", response.headers().firstValue("allow").orElseThrow());
        assertEquals(405, server().client.send("PUT", "/config", BodyPublishers.noBody(), null).status());
    }

    @Test
    void bodyOverTheConfiguredLimitIs413() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, 1024);
        RestTestServer server = server(conf);
        String big = "{\"entryClass\":\"" + "x".repeat(2000) + "\"}";
        RestTestClient.Response response = server.client.postJson("/jars/x.jar/run", big);
        assertEquals(413, response.status());
        assertTrue(response.error().contains("1024 bytes"), response.error());
        // the server still answers
        assertEquals(200, server.client.get("/overview").status());
    }

    @Test
    void multipartUploadOverTheLimitIs413AndLeavesNoFiles() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, 4096);
        RestTestServer server = server(conf);
        MultipartBody body = new MultipartBody().file("jarfile", "big.jar", new byte[10_000]);
        RestTestClient.Response response = server.client.post("/jars/upload", body);
        assertEquals(413, response.status());
        try (var files = Files.list(server.endpoint.getUploadDirectory().resolve("requests"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void expectContinueIsAnsweredWith413WhenTheAnnouncedBodyIsTooLarge() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, 4096);
        RestTestServer server = server(conf);
        String headers = "POST /jars/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: 10000\r\nExpect: 100-continue\r\n\r\n";
        String answer = exchangeRaw(new InetSocketAddress("127.0.0.1", port(server)), headers.getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), answer);
        assertTrue(answer.endsWith("{\"errors\":[\"The request is larger than the server accepts (4096 bytes,"
                + " set by rest.server.max-content-length)\"]}"), answer);
    }

    @Test
    void expectContinueIsAnsweredWith100WhenTheBodyFits() throws Exception {
        RestTestServer server = server();
        try (Socket socket = new Socket("127.0.0.1", port(server))) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /jars/missing.jar/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder interim = new StringBuilder();
            while (!interim.toString().endsWith("\r\n\r\n")) {
                interim.append((char) in.read());
            }
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim.toString());
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
            assertTrue(answer.endsWith("{\"errors\":[\"JAR file missing.jar not found\"]}"), answer);
        }
    }

    @Test
    void garbageBytesGetA400AndTheServerKeepsServing() throws Exception {
        RestTestServer server = server();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port(server));
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        String answer = exchangeRaw(address, garbage, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400") || answer.startsWith("HTTP/1.1 413"), answer);

        String badLine = exchangeRaw(address, "NOT A REQUEST AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(badLine.startsWith("HTTP/1.1 400"), badLine);
        assertTrue(badLine.contains("{\"errors\":[\"Malformed HTTP request"), badLine);

        assertEquals(200, server.client.get("/overview").status());
    }

    /** Sends the chunks on a fresh connection, closes its output and returns all the server answered. */
    private static String exchangeRaw(InetSocketAddress address, byte[]... chunks) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                for (byte[] chunk : chunks) {
                    out.write(chunk);
                }
                out.flush();
                socket.shutdownOutput();
            } catch (java.net.SocketException e) {
                // the server may answer and close before it read everything (a broken pipe here); read its answer
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(answer);
            } catch (java.net.SocketException e) {
                // a reset after the answer is fine
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void keepAliveConnectionAnswersSeveralRequestsInOrder() throws Exception {
        RestTestServer server = server();
        String requests = "GET /overview HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /config HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String answer = exchangeRaw(new InetSocketAddress("127.0.0.1", port(server)), requests.getBytes(StandardCharsets.US_ASCII));
        int first = answer.indexOf("HTTP/1.1 200");
        int second = answer.indexOf("HTTP/1.1 404");
        int third = answer.indexOf("HTTP/1.1 200", second);
        assertTrue(first >= 0 && first < second && second < third, answer);
        assertTrue(answer.contains("\"refresh-interval\""), answer);
    }

    @Test
    void taskManagersAreListedWithHardwareAndFoundById() throws Exception {
        RestTestServer server = server();
        server.gateway.taskManagers.add(new TaskManagerInfo("tm-1", "host-a:6122", 6121, 1_700_000_000_000L, 4, 1, 8,
                16L << 30, 3L << 30));
        var list = server.client.get("/taskmanagers").json().get("taskmanagers");
        assertEquals(1, list.size());
        var tm = list.get(0);
        assertEquals("tm-1", tm.get("id").asText());
        assertEquals("host-a:6122", tm.get("path").asText());
        assertEquals(6121, tm.get("dataPort").asInt());
        assertEquals(1_700_000_000_000L, tm.get("timeSinceLastHeartbeat").asLong());
        assertEquals(4, tm.get("slotsNumber").asInt());
        assertEquals(1, tm.get("freeSlots").asInt());
        assertEquals(8, tm.get("hardware").get("cpuCores").asInt());
        assertEquals(16L << 30, tm.get("hardware").get("physicalMemory").asLong());
        assertEquals(3L << 30, tm.get("hardware").get("freeMemory").asLong());
        assertEquals(tm, server.client.get("/taskmanagers/tm-1").json());
        assertTrue(tm.path("metrics").isMissingNode(), "no metrics before the TaskManager reported any");
        server.metrics.update("tm-1", new TaskManagerMetrics(1_000, 2048, 48, 60, 32 * 1024), Map.of());
        var metrics = server.client.get("/taskmanagers/tm-1").json().get("metrics");
        assertEquals(2048, metrics.get("nettyShuffleMemorySegmentsTotal").asInt());
        assertEquals(48, metrics.get("nettyShuffleMemorySegmentsUsed").asInt());
        assertEquals(2000, metrics.get("nettyShuffleMemorySegmentsAvailable").asInt());
        assertEquals(60, metrics.get("nettyShuffleMemorySegmentsMaxUsed").asInt());
        assertEquals(64L << 20, metrics.get("nettyShuffleMemoryTotal").asLong());
        assertEquals(48L * 32 * 1024, metrics.get("nettyShuffleMemoryUsed").asLong());
        assertEquals(2000L * 32 * 1024, metrics.get("nettyShuffleMemoryAvailable").asLong());
        RestTestClient.Response unknown = server.client.get("/taskmanagers/tm-9");
        assertEquals(404, unknown.status());
        assertEquals("TaskManager tm-9 not found", unknown.error());
    }

    @Test
    void restBindPortRangeWinsOverRestPortAndSkipsBusyPorts() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int taken = busy.getLocalPort();
            Configuration conf = new Configuration();
            conf.set(RestOptions.PORT, 1); // would need root: shows that rest.bind-port is used instead
            conf.set(RestOptions.BIND_PORT, taken + "-" + (taken + 20));
            conf.set(RestOptions.ADDRESS, "jobmanager.example");
            RestTestServer server = server(conf);
            int bound = port(server);
            assertTrue(bound > taken && bound <= taken + 20, "bound " + bound);
            assertEquals("http://jobmanager.example:" + bound, server.endpoint.getRestBaseUrl());
        }
    }

    @Test
    void malformedPortIsAConfigurationErrorNamingTheKey() {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "80-x");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new RestServerEndpoint(conf, new TestingDispatcherGateway()));
        assertTrue(e.getMessage().startsWith("Invalid value '80-x' for configuration key 'rest.bind-port'"), e.getMessage());
    }

    @Test
    void closeStopsTheThreadsAndDeletesTheUploadDirectory() throws Exception {
        RestTestServer server = new RestTestServer(uploadRoot);
        Path uploads = server.endpoint.getUploadDirectory();
        assertTrue(Files.isDirectory(uploads.resolve("jars")));
        assertEquals(200, server.client.get("/jobs").status());
        server.close();
        assertFalse(Files.exists(uploads));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("millrace-rest-")) {
                thread.join(10_000);
                assertFalse(thread.isAlive(), thread.getName() + " still runs");
            }
        }
        server.close(); // idempotent
    }

    private static int port(RestTestServer server) {
        String url = server.endpoint.getRestBaseUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
