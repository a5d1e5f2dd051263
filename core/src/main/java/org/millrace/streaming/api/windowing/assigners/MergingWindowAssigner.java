package org.millrace.streaming.api.windowing.assigners;

import java.util.Collection;
import org.millrace.streaming.api.windowing.windows.Window;

/** A window assigner whose windows merge when they overlap (session windows). */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /** Reports every group of windows in {@code windows} that merges, with its result, to {@code callback}. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives one merge: {@code toBeMerged} become {@code mergeResult}. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
