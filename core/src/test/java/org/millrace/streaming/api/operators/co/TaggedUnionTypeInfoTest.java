package org.millrace.streaming.api.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.common.typeutils.SerializerTestUtils;
import org.millrace.api.common.typeutils.TypeSerializer;

/** Elements of two connected inputs keep their input and value over the wire. */
class TaggedUnionTypeInfoTest {

    @Test
    void bothInputsSurviveSerialization() {
        TypeSerializer<TaggedUnion<Integer, String>> serializer =
                new TaggedUnionTypeInfo<>(Types.INT, Types.STRING).createSerializer();
        assertEquals(TaggedUnion.one(42), SerializerTestUtils.roundTrip(serializer, TaggedUnion.one(42)));
        assertEquals(TaggedUnion.two("x"), SerializerTestUtils.roundTrip(serializer, TaggedUnion.two("x")));
        assertNotEquals(TaggedUnion.<String, String>one("x"), TaggedUnion.<String, String>two("x"));
    }

    @Test
    void typesOfTheSameInputTypesAreEqualSoTheTwoTaggedStreamsCanBeUnioned() {
        assertEquals(new TaggedUnionTypeInfo<>(Types.INT, Types.STRING), new TaggedUnionTypeInfo<>(Types.INT, Types.STRING));
        assertNotEquals(new TaggedUnionTypeInfo<>(Types.INT, Types.STRING), new TaggedUnionTypeInfo<>(Types.STRING, Types.INT));
    }
}
