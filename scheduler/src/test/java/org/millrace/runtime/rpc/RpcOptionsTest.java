package org.millrace.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.Configuration;

class RpcOptionsTest {

    @Test
    void askTimeoutDefaultsToTenSeconds() {
        assertEquals(Duration.ofSeconds(10), new Configuration().get(RpcOptions.ASK_TIMEOUT));
    }

    @Test
    void askTimeoutReadsFlinksPekkoAndAkkaKeys() {
        assertEquals(Duration.ofSeconds(30),
                Configuration.fromMap(Map.of("pekko.ask.timeout", "30 s")).get(RpcOptions.ASK_TIMEOUT));
        assertEquals(Duration.ofMinutes(1),
                Configuration.fromMap(Map.of("akka.ask.timeout", "1 min")).get(RpcOptions.ASK_TIMEOUT));
        assertEquals(Duration.ofSeconds(5), Configuration.fromMap(
                Map.of("rpc.ask-timeout", "5 s", "pekko.ask.timeout", "30 s")).get(RpcOptions.ASK_TIMEOUT));
    }
}
