package org.millrace.runtime.highavailability;

import java.net.InetSocketAddress;

/**
 * Where the leading JobManager listens, as it publishes it in ZooKeeper: its control endpoint
 * (TaskManagers register there) and its REST API (clients submit there). One election covers both,
 * so they always belong to the same process. Text form: {@code host:rpcPort,http://host:restPort}.
 */
public record LeaderAddress(String rpcHost, int rpcPort, String restBaseUrl) {

    /** The text {@link #parse} reads. */
    public String format() {
        return rpcHost + ":" + rpcPort + "," + restBaseUrl;
    }

    /** @throws IllegalArgumentException if {@code text} is not of the form {@link #format} writes */
    public static LeaderAddress parse(String text) {
        int comma = text.indexOf(',');
        int colon = comma < 0 ? -1 : text.lastIndexOf(':', comma);
        if (colon <= 0) {
            throw new IllegalArgumentException("Not a JobManager leader address: '" + text + "'");
        }
        return new LeaderAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1, comma)),
                text.substring(comma + 1));
    }

    public InetSocketAddress rpcAddress() {
        return new InetSocketAddress(rpcHost, rpcPort);
    }

    /** The REST API's host and port, from {@link #restBaseUrl}. */
    public InetSocketAddress restAddress() {
        java.net.URI uri = java.net.URI.create(restBaseUrl);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }
}
