package org.millrace.runtime.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ports a server may bind to, in the order to try them, parsed from Flink's port syntax: a
 * single port ({@code "8081"}, {@code "0"} for any free port), a range ({@code "50100-50200"}) or a
 * comma-separated list of both.
 */
public final class PortRange {

    private final String text;
    private final List<int[]> ranges;

    private PortRange(String text, List<int[]> ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the bad part when {@code text} is not of that syntax */
    public static PortRange parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            int from = parsePort(dash < 0 ? p : p.substring(0, dash), text);
            int to = dash < 0 ? from : parsePort(p.substring(dash + 1), text);
            if (to < from) {
                throw new IllegalArgumentException("Invalid port range '" + p + "' in '" + text + "': the end is below the start");
            }
            ranges.add(new int[] {from, to});
        }
        return new PortRange(text, Collections.unmodifiableList(ranges));
    }

    private static int parsePort(String s, String whole) {
        try {
            int port = Integer.parseInt(s.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid port '" + s.trim() + "' in '" + whole + "': expected a number in [0, 65535]");
    }

    /** Every port in order; a port 0 stands for "any free port". */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (int[] r : ranges) {
            for (int port = r[0]; port <= r[1]; port++) {
                ports.add(port);
            }
        }
        return ports;
    }

    @Override
    public String toString() {
        return text;
    }
}
