package org.millrace.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalExchangeTest {

    @Test
    void recordsWrittenAndFlushedAreReadInOrderInOneThread() throws Exception {
        try (LocalExchange exchange = new LocalExchange(RecordType.LONG)) {
            List<Object> written = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                written.add(RecordType.LONG.value(i));
                exchange.emit(written.get(i));
            }
            exchange.flush();
            List<Object> read = new ArrayList<>();

            assertEquals(10_000, exchange.pollAvailable(read::add));
            assertEquals(written, read);
            assertEquals(0, exchange.pollAvailable(read::add));
        }
    }

    @Test
    void consumerThreadReadsEveryRecordUntilEndOfPartition() throws Exception {
        try (LocalExchange exchange = new LocalExchange(RecordType.TUPLE2_STRING_LONG)) {
            ExchangeConsumer consumer = ExchangeConsumer.start(exchange);
            // far more than the partition's ten buffers: the producer is back-pressured by the consumer
            for (int i = 0; i < 200_000; i++) {
                exchange.emit(RecordType.TUPLE2_STRING_LONG.value(i));
            }
            exchange.finish();

            assertEquals(200_000, consumer.awaitEnd(TimeUnit.SECONDS.toMillis(30)));
            assertTrue(exchange.isFinished());
        }
    }
}
