package org.millrace.runtime.rpc;

/**
 * The connection to the remote address could not be opened, or closed before the answer came.
 * The request may or may not have reached the remote handler.
 */
public class RpcConnectionException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message) {
        super(message);
    }

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
