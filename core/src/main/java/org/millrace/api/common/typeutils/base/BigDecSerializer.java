package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link BigDecimal} (or null) as its unscaled value (see {@link BigIntSerializer}) and its scale. */
public final class BigDecSerializer extends ImmutableValueSerializer<BigDecimal> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final BigDecSerializer INSTANCE = new BigDecSerializer();

    @Override
    public void serialize(BigDecimal record, DataOutputView target) throws IOException {
        if (record == null) {
            BigIntSerializer.writeBigInteger(null, target);
            return;
        }
        BigIntSerializer.writeBigInteger(record.unscaledValue(), target);
        target.writeInt(record.scale());
    }

    @Override
    public BigDecimal deserialize(DataInputView source) throws IOException {
        BigInteger unscaled = BigIntSerializer.readBigInteger(source);
        if (unscaled == null) {
            return null;
        }
        return new BigDecimal(unscaled, source.readInt());
    }
}
