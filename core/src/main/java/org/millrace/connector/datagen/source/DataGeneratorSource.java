package org.millrace.connector.datagen.source;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.api.source.IndexedSource;

/**
 * A bounded parallel source of {@code count} records, record {@code i} being
 * {@code generator.map(i)}; subtasks generate contiguous index ranges. Use with
 * {@code env.fromSource(source, "name")}.
 */
public final class DataGeneratorSource<O> extends IndexedSource<O> {

    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<Long, O> generator;
    private final TypeInformation<O> producedType;

    public DataGeneratorSource(GeneratorFunction<Long, O> generator, long count, TypeInformation<O> producedType) {
        super(count);
        this.generator = generator;
        this.producedType = producedType;
    }

    public TypeInformation<O> getProducedType() {
        return producedType;
    }

    @Override
    protected O recordAt(long index) throws Exception {
        return generator.map(index);
    }
}
