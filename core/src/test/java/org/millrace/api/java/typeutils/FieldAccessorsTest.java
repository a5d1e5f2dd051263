package org.millrace.api.java.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.TestTypes.Address;
import org.millrace.api.java.typeutils.TestTypes.Person;
import org.millrace.types.Row;

class FieldAccessorsTest {

    private final TypeInformation<Tuple2<String, Integer>> tupleType = Types.TUPLE(Types.STRING, Types.INT);

    @Test
    void tupleFieldsByPositionAndNameReadAndMutateInPlace() {
        Tuple2<String, Integer> t = Tuple2.of("a", 1);
        FieldAccessor<Tuple2<String, Integer>, Integer> byPos = FieldAccessors.forPosition(tupleType, 1);
        FieldAccessor<Tuple2<String, Integer>, String> byName = FieldAccessors.forExpression(tupleType, "f0");
        assertEquals(1, byPos.get(t));
        assertEquals(Types.INT, byPos.getFieldType());
        assertSame(t, byPos.set(t, 5));
        assertEquals(Tuple2.of("a", 5), t);
        assertEquals("a", byName.get(t));
    }

    @Test
    void outOfRangeTuplePositionNamesPositionAndType() {
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> FieldAccessors.forPosition(tupleType, 5));
        assertEquals("Field position 5 is out of range for type Tuple2<String, Integer> (arity 2)", e.getMessage());
    }

    @Test
    void unknownFieldNameNamesFieldAndType() {
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> FieldAccessors.forExpression(tupleType, "count"));
        assertEquals("Field 'count' does not exist in type Tuple2<String, Integer>; its fields are [f0, f1]", e.getMessage());
        InvalidProgramException pojo = assertThrows(InvalidProgramException.class,
                () -> FieldAccessors.forExpression(Types.POJO(Person.class), "nmae"));
        assertEquals("Field 'nmae' does not exist in type " + Types.POJO(Person.class)
                + "; its fields are [address, age, name, tags]", pojo.getMessage());
    }

    @Test
    void pojoFieldsIncludingNestedOnesAreAccessedByName() {
        TypeInformation<Person> type = Types.POJO(Person.class);
        Person p = new Person("n", 3, new Address("c", 1), null);
        FieldAccessor<Person, Integer> age = FieldAccessors.forExpression(type, "age");
        assertEquals(3, age.get(p));
        assertSame(p, age.set(p, 4));
        assertEquals(4, p.getAge());
        FieldAccessor<Person, String> city = FieldAccessors.forExpression(type, "address.city");
        assertEquals("c", city.get(p));
        city.set(p, "d");
        assertEquals("d", p.getAddress().city);
        assertEquals(Types.STRING, city.getFieldType());
    }

    @Test
    void rowFieldsByPositionAndName() {
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {"word", "count"}, Types.STRING, Types.LONG);
        Row row = Row.of("w", 2L);
        assertEquals(2L, FieldAccessors.<Row, Long>forExpression(type, "count").get(row));
        assertEquals("w", FieldAccessors.<Row, String>forPosition(type, 0).get(row));
    }

    @Test
    void atomicTypesSelectThemselvesAtPositionZeroOrStar() {
        FieldAccessor<Long, Long> self = FieldAccessors.forPosition(Types.LONG, 0);
        assertEquals(7L, self.get(7L));
        assertEquals(8L, self.set(7L, 8L));
        assertEquals(9L, FieldAccessors.<Long, Long>forExpression(Types.LONG, "*").get(9L));
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> FieldAccessors.forPosition(Types.LONG, 1));
        assertEquals("Field position 1 is out of range for type Long (an atomic type: only position 0, the value itself, "
                + "can be selected)", e.getMessage());
    }

    @Test
    void dynamicTypesResolveFieldsOnTheRecordClassAtRunTime() {
        TypeInformation<Object> dynamic = Types.DYNAMIC();
        FieldAccessor<Object, Object> second = FieldAccessors.forPosition(dynamic, 1);
        assertEquals(1, second.get(Tuple2.of("a", 1)));
        assertEquals("b", second.get(Row.of("a", "b")));
        Tuple2<String, Integer> t = Tuple2.of("a", 1);
        assertSame(t, second.set(t, 2));
        assertEquals(2, t.f1);

        FieldAccessor<Object, Object> byName = FieldAccessors.forExpression(dynamic, "name");
        Person p = new Person("x", 1, null, null);
        assertEquals("x", byName.get(p));
        byName.set(p, "y");
        assertEquals("y", p.getName());
        assertEquals("a", FieldAccessors.forExpression(dynamic, "f0").get(Tuple2.of("a", 1)));

        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> FieldAccessors.forPosition(dynamic, 5).get(Tuple2.of("a", 1)));
        assertEquals("Field position 5 is out of range for type Tuple2 (arity 2)", e.getMessage());
        InvalidProgramException missing = assertThrows(InvalidProgramException.class, () -> byName.get(new Address()));
        assertEquals("Field 'name' does not exist in type " + Address.class.getName(), missing.getMessage());
    }
}
