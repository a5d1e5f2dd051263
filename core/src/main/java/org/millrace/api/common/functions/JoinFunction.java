package org.millrace.api.common.functions;

/**
 * Combines one element of each input that share a key and a window ({@code a.join(b)}): called for
 * every such pair (an inner join).
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {

    OUT join(IN1 first, IN2 second) throws Exception;
}
