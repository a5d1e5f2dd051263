package org.millrace.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peak resident set size of this JVM so far, as Linux keeps it ({@code VmHWM} in
 * {@code /proc/self/status}): heap, metaspace, thread stacks, code cache and off-heap network
 * buffers alike, which is what a user's container limit is checked against. Read by the process
 * itself, so every engine reports it the same way without an external tool.
 *
 * <p>Pitfall: it is a high-water mark of the whole process. {@code run.sh} starts one JVM per run,
 * so there it is the run's peak; with several repetitions in one JVM a later figure includes the
 * earlier repetitions.
 */
public final class PeakRss {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String FIELD = "VmHWM:";

    private PeakRss() {}

    /** The peak RSS in MiB (rounded), or -1 where {@code /proc/self/status} is not available (not Linux). */
    public static long mebibytes() {
        try {
            return parseMebibytes(Files.readAllLines(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The {@code VmHWM} line of a {@code /proc/<pid>/status} file in MiB, or -1 if there is none. */
    static long parseMebibytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith(FIELD)) {
                // "VmHWM:\t  123456 kB": the kernel's kB are KiB
                String[] parts = line.substring(FIELD.length()).trim().split("\\s+");
                long kibibytes = Long.parseLong(parts[0]);
                return Math.round(kibibytes / 1024.0);
            }
        }
        return -1;
    }
}
