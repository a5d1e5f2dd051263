package org.millrace.runtime.rpc;

import java.net.InetSocketAddress;

/**
 * A control message that did not get its answer: the remote handler failed (then
 * {@link #getRemoteExceptionClass()} and {@link #getRemoteStackTrace()} describe the remote
 * exception), the peer refused the message, or the transport failed (see the subclasses).
 * The message always names the remote address and the request type.
 */
public class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String remoteExceptionClass;
    private final String remoteStackTrace;

    public RpcException(String message) {
        this(message, null, null, null);
    }

    public RpcException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /**
     * @param remoteExceptionClass class name of the exception thrown at the remote side, or null
     * @param remoteStackTrace its printed stack trace, or null
     */
    public RpcException(String message, Throwable cause, String remoteExceptionClass, String remoteStackTrace) {
        super(message, cause);
        this.remoteExceptionClass = remoteExceptionClass;
        this.remoteStackTrace = remoteStackTrace;
    }

    /** The class name of the remote handler's exception, or null if the failure was not a handler's. */
    public String getRemoteExceptionClass() {
        return remoteExceptionClass;
    }

    /** The remote handler's stack trace as printed there, or null; kept for logs, not shown to users. */
    public String getRemoteStackTrace() {
        return remoteStackTrace;
    }

    /** {@code host:port}, the form every RPC message uses for an address. */
    static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
