package org.millrace.runtime.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;

/** No answer came within the caller's timeout; the remote side may still process the request. */
public class RpcTimeoutException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcTimeoutException(String message) {
        super(message);
    }

    static RpcTimeoutException of(String requestType, InetSocketAddress target, Duration timeout) {
        return new RpcTimeoutException(requestType + " to " + hostAndPort(target) + " timed out after " + format(timeout));
    }

    /** "10 s" for whole seconds, else "250 ms". */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
