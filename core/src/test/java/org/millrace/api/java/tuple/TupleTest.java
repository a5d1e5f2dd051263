package org.millrace.api.java.tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void toStringMatchesFlinkFormat() {
        assertEquals("(a,1)", Tuple2.of("a", 1).toString());
        assertEquals("(x,null,[1, 2])", Tuple3.of("x", null, new int[] {1, 2}).toString());
        assertEquals("((a,1),2.5)", Tuple2.of(Tuple2.of("a", 1), 2.5).toString());
    }

    @Test
    void hashCodeFollowsFlinkFormulaSoKeysLandInTheSameKeyGroups() {
        assertEquals(31 * "a".hashCode() + Integer.valueOf(1).hashCode(), Tuple2.of("a", 1).hashCode());
        assertEquals("k".hashCode(), Tuple1.of("k").hashCode());
    }

    @Test
    void equalsComparesFieldsAndClass() {
        assertEquals(Tuple2.of("a", 1), new Tuple2<>("a", 1));
        assertNotEquals(Tuple2.of("a", 1), Tuple2.of("a", 2));
        assertNotEquals(Tuple2.of("a", 1), Tuple3.of("a", 1, null));
    }

    @Test
    void positionalAccessReadsAndWritesFields() {
        Tuple10<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer> t =
                Tuple10.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int i = 0; i < 10; i++) {
            assertEquals(Integer.valueOf(i), t.getField(i));
        }
        t.setField(42, 9);
        assertEquals(42, t.f9);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.getField(10));
        assertEquals("Field position 10 is out of range for a tuple of arity 10", e.getMessage());
    }

    @Test
    void newInstanceCreatesEmptyTuplesOfEachArity() {
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            assertEquals(arity, tuple.getArity());
            assertEquals(Tuple.getTupleClass(arity), tuple.getClass());
            assertNull(tuple.getField(arity - 1));
        }
        assertThrows(IllegalArgumentException.class, () -> Tuple.newInstance(11));
    }

    @Test
    void copyIsShallowAndSwapSwaps() {
        Tuple2<String, int[]> original = Tuple2.of("a", new int[] {1});
        Tuple2<String, int[]> copy = original.copy();
        original.f0 = "b";
        assertEquals("a", copy.f0);
        assertEquals(Tuple2.of(1, "a"), Tuple2.of("a", 1).swap());
    }
}
