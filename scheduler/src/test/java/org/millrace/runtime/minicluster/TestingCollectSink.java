package org.millrace.runtime.minicluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.streaming.api.functions.sink.SinkFunction;

/**
 * A sink for tests that keeps every record in this JVM, under a per-test id, so a test can assert
 * on the exact output of a job run on the embedded cluster.
 */
public final class TestingCollectSink<T> implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final Map<Integer, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final int id = NEXT_ID.incrementAndGet();

    public TestingCollectSink() {
        RESULTS.put(id, new ArrayList<>());
    }

    @Override
    public void invoke(T value) {
        List<Object> list = RESULTS.get(id);
        synchronized (list) {
            list.add(value);
        }
    }

    /** Everything collected so far, and forgets it. */
    @SuppressWarnings("unchecked")
    public List<T> drain() {
        List<Object> list = RESULTS.remove(id);
        synchronized (list) {
            return (List<T>) new ArrayList<>(list);
        }
    }
}
