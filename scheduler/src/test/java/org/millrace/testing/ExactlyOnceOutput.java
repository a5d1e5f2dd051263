package org.millrace.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks what {@link ExactlyOnceCountingProgram} committed: the part files a reader sees, each line
 * {@code key,value,runningCount}, hold every record exactly once.
 */
public final class ExactlyOnceOutput {

    private ExactlyOnceOutput() {}

    /** The files a reader of {@code output} sees (not hidden), each checked to be a committed part file. */
    public static List<Path> committedFiles(Path output) throws IOException {
        List<Path> visible = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            files.filter(f -> !f.getFileName().toString().startsWith(".")).forEach(visible::add);
        }
        for (Path file : visible) {
            String name = file.getFileName().toString();
            assertTrue(name.startsWith("part-") && !name.endsWith(".inprogress"), "uncommitted file visible: " + file);
        }
        assertFalse(visible.isEmpty(), "no committed files in " + output);
        return visible;
    }

    /**
     * Every value {@code 0 .. records-1} appears once under its key {@code value % keys}, and each key
     * has {@code records / keys} records, the expected sum of values and the running counts
     * {@code 1 .. records / keys}, each once.
     */
    public static void assertEveryRecordCommittedOnce(List<Path> files, int records, int keys) throws IOException {
        BitSet values = new BitSet(records);
        long[] counts = new long[keys];
        long[] sums = new long[keys];
        BitSet[] runningCounts = new BitSet[keys];
        for (int key = 0; key < keys; key++) {
            runningCounts[key] = new BitSet();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split(",");
                assertEquals(3, fields.length, "line '" + line + "' of " + file);
                int key = Integer.parseInt(fields[0]);
                int value = Integer.parseInt(fields[1]);
                int running = Integer.parseInt(fields[2]);
                assertEquals(value % keys, key, "key of line '" + line + "' in " + file);
                assertTrue(running >= 1, "line '" + line + "' of " + file);
                assertFalse(values.get(value), "value " + value + " committed twice (again in " + file + ")");
                values.set(value);
                assertFalse(runningCounts[key].get(running), "running count " + running + " of key " + key
                        + " committed twice (again in " + file + ")");
                runningCounts[key].set(running);
                counts[key]++;
                sums[key] += value;
            }
        }
        long perKey = records / keys;
        for (int key = 0; key < keys; key++) {
            // values key, key + keys, ..., key + (perKey - 1) * keys
            long sum = perKey * key + keys * perKey * (perKey - 1) / 2;
            assertEquals(perKey, counts[key], "records of key " + key);
            assertEquals(sum, sums[key], "sum of the values of key " + key);
            assertEquals(perKey, runningCounts[key].length() - 1, "highest running count of key " + key);
            assertEquals(perKey, runningCounts[key].cardinality(), "running counts of key " + key);
        }
        assertEquals(records, values.cardinality(), "records committed");
    }
}
