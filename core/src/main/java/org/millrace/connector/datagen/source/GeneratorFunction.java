package org.millrace.connector.datagen.source;

import org.millrace.api.common.functions.Function;

/** Makes the record for one index of a {@link DataGeneratorSource}; must be a pure function of the index. */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {

    O map(T index) throws Exception;
}
