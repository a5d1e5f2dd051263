package org.millrace.streaming.api.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseKeyIndexTest {

    @Test
    void numbersKeysInOrderOfFirstAppearanceThroughGrowth() {
        DenseKeyIndex<String> index = new DenseKeyIndex<>();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            // equal but never identical key objects, so lookups must compare by equals
            String key = new String("k" + random.nextInt(100_000));
            Integer number = expected.computeIfAbsent(key, k -> expected.size());
            assertEquals(number, index.indexOf(key), key);
        }
        assertEquals(expected.size(), index.size());
    }

    @Test
    void keysWithEqualHashCodesGetTheirOwnNumbers() {
        DenseKeyIndex<Object> index = new DenseKeyIndex<>();
        // "Aa" and "BB" share a String hash code; 0 hashes to the value an empty slot is marked with
        assertEquals(0, index.indexOf("Aa"));
        assertEquals(1, index.indexOf("BB"));
        assertEquals(2, index.indexOf(0));
        assertEquals(0, index.indexOf("Aa"));
        assertEquals(1, index.indexOf("BB"));
        assertEquals(2, index.indexOf(0));
        assertEquals(3, index.size());
    }
}
