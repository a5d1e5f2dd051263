package org.millrace.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** The heap backend's hash table: map semantics under collisions and resizes, and copy-on-write snapshots. */
class StateTableTest {

    /** A key whose hash code the test controls, to force probe chains and wrap-around. */
    record CollidingKey(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void behavesLikeAHashMapUnderRandomPutsRemovesAndCollisions() {
        SplittableRandom random = new SplittableRandom(7);
        StateTable<CollidingKey, Integer> table = new StateTable<>();
        Map<CollidingKey, Integer> reference = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            int id = random.nextInt(3_000);
            CollidingKey key = new CollidingKey(id, id % 37); // many keys share a hash
            int op = random.nextInt(10);
            if (op < 6) {
                table.put(key, step);
                reference.put(key, step);
            } else if (op < 8) {
                table.remove(key);
                reference.remove(key);
            } else {
                assertEquals(reference.get(key), table.get(key), "step " + step);
            }
        }
        assertEquals(reference.size(), table.size());
        Map<CollidingKey, Integer> contents = new HashMap<>();
        table.forEach(contents::put);
        assertEquals(reference, contents);
    }

    @Test
    void readModifyWriteOfTheSameKeyProbesOnceAndStaysCorrectAcrossResizes() {
        StateTable<String, Long> table = new StateTable<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50_000; i++) {
                String key = "w" + i;
                Long current = table.get(key);
                table.put(key, current == null ? 1L : current + 1);
            }
        }
        assertEquals(50_000, table.size());
        for (int i = 0; i < 50_000; i += 997) {
            assertEquals(3L, table.get("w" + i));
        }
    }

    @Test
    void snapshotKeepsItsEntriesWhileTheTableChangesUnderRandomOperations() {
        SplittableRandom random = new SplittableRandom(11);
        StateTable<CollidingKey, Integer> table = new StateTable<>();
        Map<CollidingKey, Integer> reference = new HashMap<>();
        for (int round = 0; round < 20; round++) {
            StateTable.Snapshot<CollidingKey, Integer> snapshot = table.snapshot();
            Map<CollidingKey, Integer> atSnapshot = new HashMap<>(reference);
            for (int step = 0; step < 5_000; step++) { // puts, removes and resizes after the snapshot
                int id = random.nextInt(4_000);
                CollidingKey key = new CollidingKey(id, id % 41);
                if (random.nextInt(3) < 2) {
                    table.put(key, step);
                    reference.put(key, step);
                } else {
                    table.remove(key);
                    reference.remove(key);
                }
            }
            Map<CollidingKey, Integer> seen = new HashMap<>();
            snapshot.forEach(seen::put);
            assertEquals(atSnapshot, seen, "snapshot of round " + round);
            assertEquals(atSnapshot.size(), snapshot.size());
        }
    }

    @Test
    void aMutableValueReadAfterASnapshotIsACopySoChangingItLeavesTheSnapshotAlone() {
        StateTable<String, long[]> table = new StateTable<>(new LongArrayCopier());
        long[] counter = {1};
        table.put("k", counter);
        assertSame(counter, table.get("k"), "no snapshot yet: no copy");
        StateTable.Snapshot<String, long[]> snapshot = table.snapshot();

        long[] read = table.get("k");
        read[0] = 99; // a function changing the object it read, in place
        assertNotSame(counter, read);
        assertSame(read, table.get("k"), "copied once per snapshot, then kept");
        Map<String, Long> inSnapshot = new HashMap<>();
        snapshot.forEach((k, v) -> inSnapshot.put(k, v[0]));
        assertEquals(Map.of("k", 1L), inSnapshot);
        assertEquals(99L, table.get("k")[0]);
    }

    @Test
    void immutableValuesAreSharedWithSnapshotsWithoutCopies() {
        StateTable<String, String> table = new StateTable<>(Types.STRING.createSerializer());
        String value = new String("v");
        table.put("k", value);
        table.snapshot();
        assertSame(value, table.get("k"));
    }

    /** Copies {@code long[]} values, as a mutable type's serializer does. */
    static final class LongArrayCopier extends TypeSerializer<long[]> {
        @Override
        public void serialize(long[] record, DataOutputView target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] deserialize(DataInputView source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] copy(long[] from) {
            return from.clone();
        }

        @Override
        public TypeSerializer<long[]> duplicate() {
            return this;
        }
    }
}
