package org.millrace.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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
}
