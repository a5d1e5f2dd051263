package org.millrace.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void toStringShowsKindAndFieldsLikeFlink() {
        assertEquals("+I[a, 1]", Row.of("a", 1).toString());
        assertEquals("-D[null, [1, 2]]", Row.ofKind(RowKind.DELETE, null, new int[] {1, 2}).toString());
    }

    @Test
    void equalityIncludesKindAndArrayContents() {
        assertEquals(Row.of("a", new byte[] {1}), Row.of("a", new byte[] {1}));
        assertEquals(Row.of("a", new byte[] {1}).hashCode(), Row.of("a", new byte[] {1}).hashCode());
        assertNotEquals(Row.of("a"), Row.ofKind(RowKind.UPDATE_AFTER, "a"));
    }

    @Test
    void fieldsAreSetByPosition() {
        Row row = new Row(3);
        row.setField(2, 7L);
        assertEquals(3, row.getArity());
        assertEquals(7L, row.getField(2));
        assertEquals(RowKind.INSERT, row.getKind());
        Long typed = row.getFieldAs(2);
        assertEquals(7L, typed);
    }
}
