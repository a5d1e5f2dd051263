package org.millrace.benchmarks;

import java.time.Instant;

/**
 * The wall clock in microseconds since the epoch, the clock latency stamps use. A record stamped in
 * one JVM is read in another: {@code System.nanoTime()} has an arbitrary origin per process, so it
 * cannot be compared across JVMs; the wall clock ({@code CLOCK_REALTIME} on Linux, read by
 * {@link Instant#now()} with microsecond precision) is the same kernel clock for every process on
 * one host, so differences between two processes' readings are true elapsed times (unless the clock
 * is stepped during a run; NTP slewing affects both ends alike).
 */
final class EpochMicros {

    private EpochMicros() {}

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
