package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteExchangeBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void docsSectionBetweenTheMarkersIsReplacedAndTheRestKept() throws IOException {
        Path docs = tmp.resolve("benchmarks.md");
        Files.writeString(docs, "# Title\n" + RemoteExchangeBenchmark.BEGIN + "\nold figures\n" + RemoteExchangeBenchmark.END
                + "\nafter\n");

        RemoteExchangeBenchmark.replaceSection(docs, "new figures\n");

        assertEquals("# Title\n" + RemoteExchangeBenchmark.BEGIN + "\nnew figures\n" + RemoteExchangeBenchmark.END + "\nafter\n",
                Files.readString(docs));
    }

    @Test
    void docsWithoutMarkersAreRefused() throws IOException {
        Path docs = Files.writeString(tmp.resolve("benchmarks.md"), "# no section\n");
        assertThrows(IOException.class, () -> RemoteExchangeBenchmark.replaceSection(docs, "figures"));
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, LatencySink.percentile(sorted, 0.50));
        assertEquals(99, LatencySink.percentile(sorted, 0.99));
        assertEquals(7, LatencySink.percentile(new long[] {7}, 0.99));
    }

    @Test
    void epochMicrosFollowTheWallClock() {
        long before = System.currentTimeMillis();
        long micros = EpochMicros.now();
        long after = System.currentTimeMillis();
        assertEquals(true, micros / 1000 >= before && micros / 1000 <= after, before + " <= " + micros / 1000 + " <= " + after);
    }
}
