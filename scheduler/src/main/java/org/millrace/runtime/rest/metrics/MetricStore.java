package org.millrace.runtime.rest.metrics;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JobManager's view of the metrics its TaskManagers report with every heartbeat answer, for
 * the REST API: per TaskManager its network memory, per subtask attempt its totals and rates over
 * the last {@link #RATE_WINDOW_MILLIS} ms. Figures are as fresh as the last heartbeat
 * ({@code heartbeat.interval}). Ended attempts stay readable with their last figures; the oldest
 * are forgotten beyond {@link #MAX_TASKS}. Thread-safe.
 */
public final class MetricStore {

    /** Rates are computed over the samples of this many milliseconds. */
    public static final long RATE_WINDOW_MILLIS = 5_000;
    static final int MAX_TASKS = 10_000;

    private final Map<String, TaskManagerMetrics> taskManagers = new HashMap<>();
    private final Map<String, ArrayDeque<TaskSample>> tasks = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<TaskSample>> eldest) {
            return size() > MAX_TASKS;
        }
    };

    /** Records one report of a TaskManager: its memory and its running tasks by attempt id. */
    public synchronized void update(String taskManagerId, TaskManagerMetrics memory, Map<String, TaskSample> taskSamples) {
        taskManagers.put(taskManagerId, memory);
        taskSamples.forEach((attemptId, sample) -> {
            ArrayDeque<TaskSample> samples = tasks.computeIfAbsent(attemptId, id -> new ArrayDeque<>());
            if (!samples.isEmpty() && samples.peekLast().timestampMillis() >= sample.timestampMillis()) {
                return; // a late answer to an earlier heartbeat
            }
            samples.addLast(sample);
            while (samples.size() > 2 && sample.timestampMillis() - samples.peekFirst().timestampMillis() > RATE_WINDOW_MILLIS) {
                samples.removeFirst();
            }
        });
    }

    /** Forgets a TaskManager that left the cluster (its tasks' last figures stay). */
    public synchronized void removeTaskManager(String taskManagerId) {
        taskManagers.remove(taskManagerId);
    }

    public synchronized Optional<TaskManagerMetrics> taskManager(String taskManagerId) {
        return Optional.ofNullable(taskManagers.get(taskManagerId));
    }

    /** The last figures of an attempt (by its id, {@code <jobId>-v<vertex>-s<subtask>-a<attempt>}). */
    public synchronized Optional<TaskMetrics> task(String attemptId) {
        ArrayDeque<TaskSample> samples = tasks.get(attemptId);
        if (samples == null || samples.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TaskMetrics.between(samples.peekFirst(), samples.peekLast()));
    }
}
