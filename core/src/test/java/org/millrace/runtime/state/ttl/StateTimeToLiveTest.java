package org.millrace.runtime.state.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.state.ListState;
import org.millrace.api.common.state.ListStateDescriptor;
import org.millrace.api.common.state.MapState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.state.StateTtlConfig;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.runtime.state.HeapKeyedStateBackend;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.streaming.api.operators.StreamingRuntimeContext;

/**
 * State time-to-live through the runtime context, as a function asks for it, on the heap backend
 * with a hand-driven processing-time clock: values expire after their last write (or read, if
 * configured), list elements and map entries one by one, the sweep before a checkpoint removes
 * values of keys nobody reads again, and a restored value keeps its expiry time.
 */
class StateTimeToLiveTest {

    private static final int MAX_PARALLELISM = 16;
    private final AtomicLong now = new AtomicLong(1_000);
    private HeapKeyedStateBackend<String> backend = newBackend();
    private StreamingRuntimeContext context = contextOver(backend);

    private static HeapKeyedStateBackend<String> newBackend() {
        return new HeapKeyedStateBackend<>(new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
                Types.STRING.createSerializer());
    }

    private StreamingRuntimeContext contextOver(HeapKeyedStateBackend<String> keyed) {
        StreamingRuntimeContext created = new StreamingRuntimeContext("ttl test", 0, 1, MAX_PARALLELISM, 0,
                getClass().getClassLoader(), new java.util.HashMap<>());
        created.setKeyedStateBackend(keyed);
        created.setTtlClock(now::get);
        return created;
    }

    private static StateTtlConfig ttl(long millis) {
        return StateTtlConfig.newBuilder(Duration.ofMillis(millis)).build();
    }

    private static <D extends org.millrace.api.common.state.StateDescriptor> D expiring(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    @Test
    void valueExpiresTtlAfterItsLastWriteAndReadsDoNotRenewIt() throws Exception {
        ValueState<Long> count = context.getState(expiring(new ValueStateDescriptor<>("count", Types.LONG), ttl(100)));
        backend.setCurrentKey("a");
        count.update(1L);
        now.addAndGet(60);
        assertEquals(1L, count.value());
        count.update(2L); // a write renews
        now.addAndGet(99);
        assertEquals(2L, count.value(), "read 1 ms before expiry");
        now.addAndGet(1);
        assertNull(count.value(), "expired 100 ms after the last write, the read before did not renew it");
    }

    @Test
    void readsRenewWithOnReadAndWrite() throws Exception {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMillis(100)).updateTtlOnReadAndWrite().build();
        ValueState<Long> count = context.getState(expiring(new ValueStateDescriptor<>("count", Types.LONG), config));
        backend.setCurrentKey("a");
        count.update(1L);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(90);
            assertEquals(1L, count.value(), "read " + i + " renews");
        }
        now.addAndGet(100);
        assertNull(count.value());
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsItOnceThenItIsGone() throws Exception {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMillis(100)).returnExpiredIfNotCleanedUp().build();
        ValueState<String> last = context.getState(expiring(new ValueStateDescriptor<>("last", Types.STRING), config));
        backend.setCurrentKey("a");
        last.update("x");
        now.addAndGet(500);
        assertEquals("x", last.value(), "expired but still stored");
        assertNull(last.value(), "the read removed it");
    }

    @Test
    void listElementsAndMapEntriesExpireOneByOne() throws Exception {
        ListState<String> events = context.getListState(expiring(new ListStateDescriptor<>("events", Types.STRING), ttl(100)));
        MapState<String, Integer> seen = context.getMapState(
                expiring(new MapStateDescriptor<>("seen", Types.STRING, Types.INT), ttl(100)));
        backend.setCurrentKey("a");
        events.add("old");
        seen.put("old", 1);
        now.addAndGet(70);
        events.add("new");
        seen.put("new", 2);
        now.addAndGet(30);
        assertEquals(List.of("new"), list(events.get()), "only the element added 30 ms ago is live");
        assertEquals(Map.of("new", 2), Map.copyOf(toMap(seen)));
        assertFalse(seen.contains("old"));
        assertNull(seen.get("old"));
        now.addAndGet(70);
        assertEquals(List.of(), list(events.get()));
        assertTrue(seen.isEmpty());
    }

    @Test
    void reducingStateExpiresAsAWhole() throws Exception {
        ReducingState<Long> sum = context.getReducingState(
                expiring(new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG), ttl(100)));
        backend.setCurrentKey("a");
        sum.add(5L);
        now.addAndGet(50);
        sum.add(7L); // the sum is written again: its time-to-live starts over
        now.addAndGet(99);
        assertEquals(12L, sum.get());
        now.addAndGet(1);
        assertNull(sum.get());
    }

    @Test
    void sweepBeforeACheckpointDropsKeysNobodyReadsAgainAndRestoredValuesKeepTheirExpiry() throws Exception {
        ValueState<Long> count = context.getState(expiring(new ValueStateDescriptor<>("count", Types.LONG), ttl(100)));
        for (int key = 0; key < 100; key++) {
            backend.setCurrentKey("old-" + key);
            count.update((long) key);
        }
        now.addAndGet(60);
        backend.setCurrentKey("young");
        count.update(42L);
        now.addAndGet(50); // the old keys expired 10 ms ago, "young" has 50 ms left

        context.removeExpiredState();
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        backend.snapshot(snapshot);

        HeapKeyedStateBackend<String> restored = newBackend();
        restored.restore(new ByteArrayInputStream(snapshot.toByteArray()), "snapshot");
        backend = restored;
        context = contextOver(restored);
        ValueState<Long> after = context.getState(expiring(new ValueStateDescriptor<>("count", Types.LONG), ttl(100)));
        List<String> keys = new ArrayList<>();
        restored.applyToAllKeys(new ValueStateDescriptor<>("count", new TtlTypeInfo<>(Types.LONG)), (key, state) -> keys.add(key));
        assertEquals(List.of("young"), keys, "expired keys were swept out of the snapshot");
        restored.setCurrentKey("young");
        now.addAndGet(49);
        assertEquals(42L, after.value());
        now.addAndGet(1);
        assertNull(after.value(), "the restored value expires when it would have without the restore");
    }

    @Test
    void aTimeToLiveMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateTtlConfig.newBuilder(Duration.ZERO));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> result = new ArrayList<>();
        values.forEach(result::add);
        return result;
    }

    private static <K, V> Map<K, V> toMap(MapState<K, V> state) throws Exception {
        Map<K, V> result = new java.util.HashMap<>();
        for (Map.Entry<K, V> entry : state.entries()) {
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
