package org.millrace.streaming.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.millrace.runtime.state.OperatorStateStore;

/**
 * A source's position survives a restore at any parallelism: the unread index ranges of two
 * readers, divided among three (or one) new readers, yield exactly the indices not read before.
 */
class IndexedSourceRestoreTest {

    private static final class Indices extends IndexedSource<Long> {
        private static final long serialVersionUID = 1L;

        Indices(long count) {
            super(count);
        }

        @Override
        protected Long recordAt(long index) {
            return index;
        }
    }

    private static List<Long> read(SourceReader<Long> reader, int max) throws Exception {
        List<Long> out = new ArrayList<>();
        ReaderOutput<Long> output = new ReaderOutput<>() {
            @Override
            public void collect(Long record) {
                out.add(record);
            }

            @Override
            public void collect(Long record, long timestamp) {
                out.add(record);
            }
        };
        while (out.size() < max && reader.pollNext(output) != InputStatus.END_OF_INPUT) {
            // reads until max or the end
        }
        return out;
    }

    @Test
    void unreadRangesOfTwoReadersAreReadExactlyOnceByThreeAndByOne() throws Exception {
        Indices source = new Indices(100);
        TreeSet<Long> readBefore = new TreeSet<>();
        List<OperatorStateStore> snapshots = new ArrayList<>();
        int[] readCounts = {10, 35};
        for (int subtask = 0; subtask < 2; subtask++) {
            SourceReader<Long> reader = source.createReader(subtask, 2);
            readBefore.addAll(read(reader, readCounts[subtask]));
            OperatorStateStore store = new OperatorStateStore();
            store.put("splits", OperatorStateStore.Distribution.SPLIT, reader.snapshotState(1));
            snapshots.add(store);
        }
        for (int parallelism : new int[] {3, 1, 2}) {
            TreeSet<Long> all = new TreeSet<>(readBefore);
            long readAfter = 0;
            for (int subtask = 0; subtask < parallelism; subtask++) {
                OperatorStateStore mine = OperatorStateStore.redistribute(snapshots, parallelism == 2, subtask, parallelism);
                List<Long> records = read(source.restoreReader(subtask, parallelism, mine.get("splits")), Integer.MAX_VALUE);
                readAfter += records.size();
                all.addAll(records);
            }
            assertEquals(100 - readBefore.size(), readAfter, "no index read twice at parallelism " + parallelism);
            assertEquals(100, all.size(), "every index read at parallelism " + parallelism);
        }
    }
}
