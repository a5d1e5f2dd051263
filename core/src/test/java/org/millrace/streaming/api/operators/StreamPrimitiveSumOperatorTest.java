package org.millrace.streaming.api.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.api.java.typeutils.FieldAccessors;
import org.millrace.runtime.state.KeyedStateSnapshot;
import org.millrace.runtime.state.MemorySnapshotTarget;
import org.millrace.streaming.api.functions.aggregation.SumAggregator;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * STREAMING {@code sum(field)} over primitive-like fields: it emits exactly what the generic keyed
 * reduce emits (first record's other fields, Java wrap-around, double addition order), its state
 * moves both ways between the two through savepoints, and an asynchronous checkpoint holds the sums
 * of its barrier although the running sums are changed in place.
 */
class StreamPrimitiveSumOperatorTest {

    private static final TypeInformation<Tuple3<String, Integer, String>> INTS = TypeInformation.of(new TypeHint<>() {});
    private static final TypeInformation<Tuple3<String, Long, String>> LONGS = TypeInformation.of(new TypeHint<>() {});
    private static final TypeInformation<Tuple3<String, Double, String>> DOUBLES = TypeInformation.of(new TypeHint<>() {});
    private static final TypeInformation<Tuple3<String, Byte, String>> BYTES = TypeInformation.of(new TypeHint<>() {});

    private static <V> OneInputStreamOperatorTestHarness<Tuple3<String, V, String>, Tuple3<String, V, String>> harness(
            TypeInformation<Tuple3<String, V, String>> type, boolean primitive) throws Exception {
        FieldAccessor<Tuple3<String, V, String>, Object> field = FieldAccessors.forPosition(type, 1);
        SumAggregator<Tuple3<String, V, String>> aggregator = new SumAggregator<>(field, type.createSerializer());
        PrimitiveSumKind kind = PrimitiveSumKind.of(field.getFieldType().getTypeClass());
        var harness = new OneInputStreamOperatorTestHarness<Tuple3<String, V, String>, Tuple3<String, V, String>>(
                primitive
                        ? p -> new StreamPrimitiveSumOperator<String, Tuple3<String, V, String>>(p, aggregator, type, field, kind)
                        : p -> new StreamGroupedReduceOperator<String, Tuple3<String, V, String>>(p, aggregator, type),
                t -> t.f0);
        return harness;
    }

    private static <V> List<Tuple3<String, V, String>> run(TypeInformation<Tuple3<String, V, String>> type,
            boolean primitive, List<Tuple3<String, V, String>> input) throws Exception {
        try (var h = harness(type, primitive)) {
            h.open();
            for (Tuple3<String, V, String> record : input) {
                h.processElement(record.copy(), 0);
            }
            return h.extractOutputValues();
        }
    }

    private static <V> void assertSameAsGenericReduce(TypeInformation<Tuple3<String, V, String>> type,
            List<Tuple3<String, V, String>> input) throws Exception {
        assertEquals(run(type, false, input), run(type, true, input));
    }

    @Test
    void emitsWhatTheGenericReduceEmitsForEveryKind() throws Exception {
        List<Tuple3<String, Integer, String>> ints = new ArrayList<>();
        List<Tuple3<String, Long, String>> longs = new ArrayList<>();
        List<Tuple3<String, Double, String>> doubles = new ArrayList<>();
        List<Tuple3<String, Byte, String>> bytes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "k" + (i * 7 % 13);
            ints.add(Tuple3.of(key, i % 2 == 0 ? Integer.MAX_VALUE / 3 : -i, "r" + i));
            longs.add(Tuple3.of(key, (long) i * Long.MAX_VALUE / 7, "r" + i));
            doubles.add(Tuple3.of(key, 0.1 * i + 1e-17, "r" + i));
            bytes.add(Tuple3.of(key, (byte) (i * 31), "r" + i));
        }
        assertSameAsGenericReduce(INTS, ints);
        assertSameAsGenericReduce(LONGS, longs);
        assertSameAsGenericReduce(DOUBLES, doubles);
        assertSameAsGenericReduce(BYTES, bytes);
    }

    @Test
    void resultsCarryTheFirstRecordsOtherFieldsAndWrapLikeJava() throws Exception {
        List<Tuple3<String, Integer, String>> out = run(INTS, true, List.of(
                Tuple3.of("a", Integer.MAX_VALUE, "first a"), Tuple3.of("b", 5, "first b"),
                Tuple3.of("a", 1, "second a"), Tuple3.of("b", -7, "second b")));
        assertEquals(List.of(Tuple3.of("a", Integer.MAX_VALUE, "first a"), Tuple3.of("b", 5, "first b"),
                Tuple3.of("a", Integer.MIN_VALUE, "first a"), Tuple3.of("b", -2, "first b")), out);
    }

    @Test
    void aNullSummedFieldFailsNamingSum() throws Exception {
        try (var h = harness(LONGS, true)) {
            h.open();
            h.processElement(Tuple3.of("a", 1L, "x"), 0);
            InvalidProgramException e = assertThrows(InvalidProgramException.class,
                    () -> h.processElement(Tuple3.of("a", null, "y"), 0));
            assertTrue(e.getMessage().contains("sum()"), e.getMessage());
        }
    }

    @Test
    void savepointsMoveBetweenTheGenericReduceAndThePrimitiveSum() throws Exception {
        for (boolean fromPrimitive : new boolean[] {true, false}) {
            OneInputStreamOperatorTestHarness.Snapshot snapshot;
            try (var before = harness(LONGS, fromPrimitive)) {
                before.open();
                before.processElement(Tuple3.of("a", 10L, "first a"), 0);
                before.processElement(Tuple3.of("b", 1L, "first b"), 0);
                before.processElement(Tuple3.of("a", 5L, "second a"), 0);
                snapshot = before.snapshot(1);
            }
            try (var after = harness(LONGS, !fromPrimitive)) {
                after.initializeState(snapshot);
                after.open();
                after.processElement(Tuple3.of("a", 1L, "third a"), 0);
                after.processElement(Tuple3.of("b", 2L, "second b"), 0);
                after.processElement(Tuple3.of("c", 3L, "first c"), 0);
                assertEquals(List.of(Tuple3.of("a", 16L, "first a"), Tuple3.of("b", 3L, "first b"),
                        Tuple3.of("c", 3L, "first c")), after.extractOutputValues(),
                        fromPrimitive ? "primitive sum -> generic reduce" : "generic reduce -> primitive sum");
            }
        }
    }

    @Test
    void asynchronousCheckpointHoldsTheSumsAtItsBarrier() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (var live = harness(LONGS, true)) {
            live.open();
            for (int i = 0; i < 1_000; i++) {
                live.processElement(Tuple3.of("k" + i % 100, 1L, "first"), 0);
            }
            KeyedStateSnapshot snapshot = live.getKeyedStateBackend().snapshotForCheckpoint(1, false);
            // after the barrier, before the writer thread writes: every sum changes in place
            for (int i = 0; i < 1_000; i++) {
                live.processElement(Tuple3.of("k" + i % 100, 1_000L, "later"), 0);
            }
            snapshot.write(new MemorySnapshotTarget(written));
        }
        try (var restored = harness(LONGS, true)) {
            restored.initializeState(new OneInputStreamOperatorTestHarness.Snapshot(written.toByteArray(), emptyOperatorState()));
            restored.open();
            for (int k = 0; k < 100; k++) {
                restored.processElement(Tuple3.of("k" + k, 0L, "x"), 0);
            }
            for (Tuple3<String, Long, String> result : restored.extractOutputValues()) {
                assertEquals(Tuple3.of(result.f0, 10L, "first"), result);
            }
        }
    }

    private static byte[] emptyOperatorState() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new org.millrace.runtime.state.OperatorStateStore().write(bytes);
        return bytes.toByteArray();
    }
}
