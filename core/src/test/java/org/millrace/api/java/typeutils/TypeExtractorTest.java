package org.millrace.api.java.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.api.common.functions.Function;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.api.common.typeinfo.BasicArrayTypeInfo;
import org.millrace.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.TestTypes.Box;
import org.millrace.api.java.typeutils.TestTypes.Color;
import org.millrace.api.java.typeutils.TestTypes.Money;
import org.millrace.api.java.typeutils.TestTypes.Person;
import org.millrace.api.java.typeutils.TestTypes.WordCount;
import org.millrace.types.Row;
import org.millrace.util.Collector;

class TypeExtractorTest {

    /** Stands in for an abstract-class base such as ProcessFunction<I, O>. */
    abstract static class TwoStep<I, O> implements Function {
        abstract void step(I in, Collector<O> out);
    }

    /** A generic function whose output is bound to its input. */
    static class Identity<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    /** A generic function producing a tuple around its input. */
    static class Pairing<T> implements MapFunction<T, Tuple2<T, Long>> {
        @Override
        public Tuple2<T, Long> map(T value) {
            return Tuple2.of(value, 1L);
        }
    }

    /** Passes a type argument through an intermediate generic abstract class. */
    abstract static class Middle<X> extends TwoStep<X, List<X>> {}

    static class Concrete extends Middle<Integer> {
        @Override
        void step(Integer in, Collector<List<Integer>> out) {}
    }

    @Test
    void anonymousMapFunctionOutputIsResolved() {
        MapFunction<String, Tuple2<String, Integer>> fn = new MapFunction<String, Tuple2<String, Integer>>() {
            @Override
            public Tuple2<String, Integer> map(String value) {
                return Tuple2.of(value, 1);
            }
        };
        TypeInformation<Tuple2<String, Integer>> out =
                TypeExtractor.getUnaryOperatorReturnType(fn, MapFunction.class, 0, 1, Types.STRING, "Map");
        assertEquals("Tuple2<String, Integer>", out.toString());
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), out);
    }

    @Test
    void flatMapAndKeySelectorOutputsAreResolved() {
        FlatMapFunction<String, Long> flat = new FlatMapFunction<String, Long>() {
            @Override
            public void flatMap(String value, Collector<Long> out) {}
        };
        assertEquals(Types.LONG, TypeExtractor.getUnaryOperatorReturnType(flat, FlatMapFunction.class, 0, 1, Types.STRING, "Flat Map"));
        KeySelector<Tuple2<String, Integer>, String> key = new KeySelector<Tuple2<String, Integer>, String>() {
            @Override
            public String getKey(Tuple2<String, Integer> value) {
                return value.f0;
            }
        };
        assertEquals(Types.STRING, TypeExtractor.getUnaryOperatorReturnType(key, KeySelector.class, 0, 1,
                Types.TUPLE(Types.STRING, Types.INT), "key"));
    }

    @Test
    void typeVariablesBoundToTheInputUseTheInputType() {
        TypeInformation<?> in = Types.TUPLE(Types.STRING, Types.INT);
        assertEquals(in, TypeExtractor.getUnaryOperatorReturnType(new Identity<>(), MapFunction.class, 0, 1, in, "Map"));
        assertEquals(Types.TUPLE(Types.STRING, Types.LONG),
                TypeExtractor.getUnaryOperatorReturnType(new Pairing<>(), MapFunction.class, 0, 1, Types.STRING, "Map"));
    }

    @Test
    void typeArgumentsPassThroughGenericAbstractBaseClasses() {
        assertEquals(Types.LIST(Types.INT),
                TypeExtractor.getUnaryOperatorReturnType(new Concrete(), TwoStep.class, 0, 1, Types.INT, "Process"));
    }

    @Test
    void lambdaOutputFallsBackToDynamicType() {
        MapFunction<String, Tuple2<String, Integer>> lambda = value -> Tuple2.of(value, 1);
        TypeInformation<?> out = TypeExtractor.getUnaryOperatorReturnType(lambda, MapFunction.class, 0, 1, Types.STRING, "Map");
        assertInstanceOf(DynamicTypeInfo.class, out);
    }

    @Test
    void rawTupleOutputFallsBackToDynamicType() {
        @SuppressWarnings("rawtypes")
        MapFunction<String, Tuple2> fn = new MapFunction<String, Tuple2>() {
            @Override
            public Tuple2 map(String value) {
                return Tuple2.of(value, 1);
            }
        };
        assertInstanceOf(DynamicTypeInfo.class,
                TypeExtractor.getUnaryOperatorReturnType(fn, MapFunction.class, 0, 1, Types.STRING, "Map"));
    }

    @Test
    void resultTypeQueryableFunctionsAreAsked() {
        class Declared implements MapFunction<Object, Object>, ResultTypeQueryable<Object> {
            @Override
            public Object map(Object value) {
                return value;
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public TypeInformation<Object> getProducedType() {
                return (TypeInformation) Types.DOUBLE;
            }
        }
        assertEquals(Types.DOUBLE, TypeExtractor.getUnaryOperatorReturnType(new Declared(), MapFunction.class, 0, 1, Types.INT, "Map"));
    }

    @Test
    void rawTupleClassIsRejectedWithAHelpfulMessage() {
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> TypeInformation.of(Tuple2.class));
        assertTrue(e.getMessage().contains("TypeHint"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot determine the type information of org.millrace.api.java.tuple.Tuple2"),
                e.getMessage());
    }

    @Test
    void typeHintCapturesNestedGenerics() {
        TypeInformation<Tuple2<String, List<Integer>>> info = TypeInformation.of(new TypeHint<Tuple2<String, List<Integer>>>() {});
        assertEquals("Tuple2<String, List<Integer>>", info.toString());
        TypeInformation<Box<String>> box = TypeInformation.of(new TypeHint<Box<String>>() {});
        assertEquals(Types.STRING, ((PojoTypeInfo<Box<String>>) box).getTypeAt(0));
    }

    @Test
    void classesMapToTheirTypeInformation() {
        assertEquals(Types.INT, TypeInformation.of(int.class));
        assertEquals(Types.STRING, TypeInformation.of(String.class));
        assertEquals(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO, TypeInformation.of(byte[].class));
        assertEquals(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO, TypeInformation.of(String[].class));
        assertEquals(Types.ENUM(Color.class), TypeInformation.of(Color.class));
        assertEquals("WordCount<String, Long>", Types.TUPLE(WordCount.class).toString());
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(Money.class));
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(Runnable.class));
        assertInstanceOf(DynamicTypeInfo.class, TypeInformation.of(Object.class));
        assertInstanceOf(ObjectArrayTypeInfo.class, TypeInformation.of(Person[].class));
    }

    @Test
    void pojoFieldsAreSortedByNameWithTheirTypes() {
        TypeInformation<Person> info = TypeInformation.of(Person.class);
        assertEquals("PojoType<" + Person.class.getName() + ", fields = [address: PojoType<"
                + TestTypes.Address.class.getName() + ", fields = [city: String, zip: Integer]>, age: Integer, "
                + "name: String, tags: List<String>]>", info.toString());
    }

    @Test
    void pojoRequestForANonPojoExplainsTheRules() {
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> Types.POJO(Money.class));
        assertTrue(e.getMessage().startsWith(Money.class.getName() + " is not a valid POJO type"), e.getMessage());
    }

    @Test
    void getForObjectLooksIntoTuplesAndRows() {
        assertEquals(Types.TUPLE(Types.STRING, Types.TUPLE(Types.INT, Types.DOUBLE)),
                TypeExtractor.getForObject(Tuple2.of("a", Tuple2.of(1, 2.0))));
        assertEquals(Types.ROW(Types.STRING, Types.DYNAMIC(), Types.LONG), TypeExtractor.getForObject(Row.of("a", null, 1L)));
        assertEquals(Types.MAP(Types.STRING, Types.INT).getClass(),
                TypeInformation.of(new TypeHint<Map<String, Integer>>() {}).getClass());
    }
}
