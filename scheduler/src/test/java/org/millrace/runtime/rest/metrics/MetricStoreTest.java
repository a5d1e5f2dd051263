package org.millrace.runtime.rest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricStoreTest {

    private static final TaskManagerMetrics MEMORY = new TaskManagerMetrics(0, 16, 1, 2, 1024);

    private static TaskSample sample(long timestamp, long recordsOut, long backPressured) {
        return new TaskSample(timestamp, 0, recordsOut, 0, backPressured, timestamp);
    }

    @Test
    void ratesCoverTheLastWindowOfSamplesOnly() {
        MetricStore store = new MetricStore();
        store.update("tm", MEMORY, Map.of("a", sample(0, 0, 0)));
        for (long t = 1_000; t <= 20_000; t += 1_000) {
            // 100 records/s for the first 10 s, then 1,000 records/s
            long records = t <= 10_000 ? t / 10 : 1_000 + (t - 10_000);
            store.update("tm", MEMORY, Map.of("a", sample(t, records, t / 2)));
        }
        TaskMetrics metrics = store.task("a").orElseThrow();
        assertEquals(20_000, metrics.latest().timestampMillis());
        assertEquals(1_000.0, metrics.recordsOutPerSecond(), 1e-9);
        assertEquals(500.0, metrics.backPressuredTimeMsPerSecond(), 1e-9);
    }

    @Test
    void aLateAnswerToAnEarlierHeartbeatIsIgnored() {
        MetricStore store = new MetricStore();
        store.update("tm", MEMORY, Map.of("a", sample(2_000, 200, 0)));
        store.update("tm", MEMORY, Map.of("a", sample(1_000, 100, 0)));
        assertEquals(200, store.task("a").orElseThrow().latest().recordsOut());
        assertEquals(0.0, store.task("a").orElseThrow().recordsOutPerSecond());
    }

    @Test
    void aLostTaskManagerIsForgottenButItsTasksLastFiguresStay() {
        MetricStore store = new MetricStore();
        store.update("tm", MEMORY, Map.of("a", sample(1_000, 100, 0)));
        store.removeTaskManager("tm");
        assertTrue(store.taskManager("tm").isEmpty());
        assertEquals(100, store.task("a").orElseThrow().latest().recordsOut());
    }
}
