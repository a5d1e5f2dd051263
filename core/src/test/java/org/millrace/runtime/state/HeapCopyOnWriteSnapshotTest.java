package org.millrace.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;

/**
 * The heap backend's asynchronous checkpoints: the task changes its state (updates, removals, new
 * keys, and values changed in place after reading them) after the synchronous part and while the
 * writer thread writes; the written checkpoint still holds exactly the state at the barrier.
 */
class HeapCopyOnWriteSnapshotTest {

    private static final int MAX_PARALLELISM = 32;
    private static final TypeInformation<Tuple2<String, Long>> TUPLE = TypeInformation.of(new TypeHint<>() {});

    private static HeapKeyedStateBackend<String> backend() {
        return new HeapKeyedStateBackend<>(new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
                Types.STRING.createSerializer());
    }

    @Test
    void checkpointWrittenWhileTheTaskChangesItsStateHoldsTheStateAtTheBarrier() throws Exception {
        HeapKeyedStateBackend<String> live = backend();
        ValueState<Tuple2<String, Long>> totals = live.getValueState(new ValueStateDescriptor<>("totals", TUPLE));
        ValueState<Long> counts = live.getValueState(new ValueStateDescriptor<>("counts", Types.LONG));
        for (int i = 0; i < 2_000; i++) {
            live.setCurrentKey("k" + i);
            totals.update(Tuple2.of("k" + i, (long) i));
            counts.update((long) i);
        }

        KeyedStateSnapshot snapshot = live.snapshotForCheckpoint(1, false);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            // the task goes on before the writer thread writes: every change below is after the barrier
            for (int i = 0; i < 2_000; i++) {
                live.setCurrentKey("k" + i);
                if (i % 3 == 0) {
                    Tuple2<String, Long> t = totals.value();
                    t.f1 += 1_000_000; // changed in place, as functions do
                    totals.update(t);
                } else if (i % 3 == 1) {
                    totals.clear();
                    counts.clear();
                } else {
                    counts.update(-1L);
                }
            }
            for (int i = 0; i < 500; i++) {
                live.setCurrentKey("new" + i);
                totals.update(Tuple2.of("new", 0L));
            }
            Future<?> writing = writer.submit(() -> snapshot.write(new MemorySnapshotTarget(written)));
            writing.get(60, TimeUnit.SECONDS);

            HeapKeyedStateBackend<String> restored = backend();
            restored.restore(new ByteArrayInputStream(written.toByteArray()), "checkpoint 1");
            ValueState<Tuple2<String, Long>> restoredTotals = restored.getValueState(new ValueStateDescriptor<>("totals", TUPLE));
            ValueState<Long> restoredCounts = restored.getValueState(new ValueStateDescriptor<>("counts", Types.LONG));
            for (int i = 0; i < 2_000; i++) {
                restored.setCurrentKey("k" + i);
                assertEquals(Tuple2.of("k" + i, (long) i), restoredTotals.value(), "totals of k" + i);
                assertEquals((long) i, restoredCounts.value(), "count of k" + i);
            }
            restored.setCurrentKey("new7");
            assertNull(restoredTotals.value(), "a key added after the barrier");

            live.setCurrentKey("k3");
            assertEquals(1_000_003L, totals.value().f1, "the task's own change stays");
        } finally {
            writer.shutdownNow();
        }
    }
}
