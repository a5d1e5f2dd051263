package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.math.BigInteger;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link BigInteger} (or null) as a varint length (0 = null) and its two's-complement bytes. */
public final class BigIntSerializer extends ImmutableValueSerializer<BigInteger> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        writeBigInteger(record, target);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    static void writeBigInteger(BigInteger value, DataOutputView target) throws IOException {
        if (value == null) {
            VarInts.write(target, 0);
            return;
        }
        byte[] bytes = value.toByteArray();
        VarInts.write(target, bytes.length + 1);
        target.write(bytes);
    }

    static BigInteger readBigInteger(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        if (header == 0) {
            return null;
        }
        byte[] bytes = new byte[header - 1];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }
}
