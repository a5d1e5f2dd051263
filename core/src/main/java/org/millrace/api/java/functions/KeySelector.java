package org.millrace.api.java.functions;

import org.millrace.api.common.functions.Function;

/**
 * Extracts the key of a record for {@code keyBy}. Must be deterministic: the same record must give
 * an equal key (with a stable {@code hashCode}) on every machine.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
