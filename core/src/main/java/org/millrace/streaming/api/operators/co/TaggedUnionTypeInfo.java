package org.millrace.streaming.api.operators.co;

import java.io.IOException;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * The type of a {@link TaggedUnion}: serialized as one byte (1 or 2) and the value in its input's
 * own serializer.
 */
public final class TaggedUnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T1> oneType;
    private final TypeInformation<T2> twoType;

    public TaggedUnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
        this.oneType = Objects.requireNonNull(oneType);
        this.twoType = Objects.requireNonNull(twoType);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<TaggedUnion<T1, T2>> getTypeClass() {
        return (Class) TaggedUnion.class;
    }

    @Override
    public TypeSerializer<TaggedUnion<T1, T2>> createSerializer() {
        return new Serializer<>(oneType.createSerializer(), twoType.createSerializer());
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggedUnionTypeInfo<?, ?> t && t.oneType.equals(oneType) && t.twoType.equals(twoType);
    }

    @Override
    public int hashCode() {
        return oneType.hashCode() * 31 + twoType.hashCode();
    }

    @Override
    public String toString() {
        return "TaggedUnion<" + oneType + ", " + twoType + ">";
    }

    /** Tag byte, then the value. */
    private static final class Serializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        private final TypeSerializer<T1> one;
        private final TypeSerializer<T2> two;

        Serializer(TypeSerializer<T1> one, TypeSerializer<T2> two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public void serialize(TaggedUnion<T1, T2> record, DataOutputView target) throws IOException {
            if (record.isOne()) {
                target.writeByte(1);
                one.serialize(record.getOne(), target);
            } else {
                target.writeByte(2);
                two.serialize(record.getTwo(), target);
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
            byte tag = source.readByte();
            return switch (tag) {
                case 1 -> TaggedUnion.one(one.deserialize(source));
                case 2 -> TaggedUnion.two(two.deserialize(source));
                default -> throw new IOException("Corrupt stream: unknown input tag " + tag);
            };
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from) {
            return from.isOne() ? TaggedUnion.one(one.copy(from.getOne())) : TaggedUnion.two(two.copy(from.getTwo()));
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
            return new Serializer<>(one.duplicate(), two.duplicate());
        }
    }
}
