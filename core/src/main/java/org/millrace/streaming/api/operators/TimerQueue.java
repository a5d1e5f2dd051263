package org.millrace.streaming.api.operators;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The timers of one time domain of a keyed operator.
 *
 * <ul>
 *   <li>Order: timers are grouped in buckets by timestamp, and the buckets sit in a binary
 *       min-heap on the timestamp: O(log b) to add a new timestamp (b = distinct pending
 *       timestamps), O(1) to add a timer to an existing one and to peek. Windows put thousands of
 *       timers on the same few timestamps (every key's window ends together), so the heap stays
 *       tiny and firing a timer is a pop from an array. Timers of one timestamp fire in no
 *       particular order.
 *   <li>Identity: per key group, an open-addressing set over (timestamp, key, namespace) makes
 *       registration idempotent and keeps a key group's timers together for snapshots and
 *       rescaling. Each timer knows its slot there and in its bucket, so removal never searches.
 * </ul>
 *
 * <p>Used by the task thread only.
 */
final class TimerQueue<K, N> {

    private Bucket[] heap = new Bucket[16];
    private int heapSize;
    private final BucketsByTime byTime = new BucketsByTime();
    private Bucket lastBucket;
    private int size;
    private final TimerSet[] sets;
    private final int firstKeyGroup;

    TimerQueue(int firstKeyGroup, int numKeyGroups) {
        this.firstKeyGroup = firstKeyGroup;
        this.sets = new TimerSet[numKeyGroups];
    }

    int size() {
        return size;
    }

    /** True if there is a timer at or before {@code time}. */
    boolean hasTimerDueAt(long time) {
        return heapSize > 0 && heap[0].time <= time;
    }

    /** The earliest timestamp, or {@code Long.MAX_VALUE} if there is no timer. */
    long peekTime() {
        return heapSize == 0 ? Long.MAX_VALUE : heap[0].time;
    }

    /** Adds the timer unless it exists; true if it was added. */
    boolean add(long time, K key, N namespace, int keyGroup) {
        TimerSet set = setOf(keyGroup);
        int hash = TimerHeapInternalTimer.hash(time, key, namespace);
        if (set.find(time, key, namespace, hash) != null) {
            return false;
        }
        TimerHeapInternalTimer<K, N> timer = new TimerHeapInternalTimer<>(time, key, namespace, keyGroup);
        set.insert(timer, hash);
        bucketFor(time).add(timer);
        size++;
        return true;
    }

    /**
     * Adds a timer the caller guarantees is unique and will never be looked up or deleted (it
     * registers exactly one timer per state entry it creates, and the timer's firing removes that
     * entry). Such a timer lives only in its timestamp bucket, as three array slots: no timer
     * object, no set entry. {@link #forEachInKeyGroup} still finds it.
     */
    void addUnique(long time, K key, N namespace, int keyGroup) {
        bucketFor(time).addUnique(key, namespace, keyGroup);
        size++;
    }

    /** Removes the timer if it exists. */
    @SuppressWarnings("unchecked")
    void remove(long time, K key, N namespace, int keyGroup) {
        TimerSet set = sets[keyGroup - firstKeyGroup];
        if (set == null) {
            return;
        }
        TimerHeapInternalTimer<K, N> timer = (TimerHeapInternalTimer<K, N>) set.find(time, key, namespace,
                TimerHeapInternalTimer.hash(time, key, namespace));
        if (timer != null) {
            set.delete(timer);
            Bucket bucket = lastBucket != null && lastBucket.time == time ? lastBucket : byTime.get(time);
            bucket.remove(timer);
            size--;
            if (bucket.isEmpty()) {
                dropBucket(bucket);
            }
        }
    }

    /**
     * Removes one of the earliest timers and loads it into {@code into}; only when {@link #size()}
     * > 0. The view is valid until the next poll.
     */
    @SuppressWarnings("unchecked")
    void poll(PolledTimer<K, N> into) {
        Bucket bucket = heap[0];
        if (bucket.uniqueCount > 0) {
            int i = --bucket.uniqueCount;
            into.set(bucket.time, (K) bucket.uniqueKeys[i], (N) bucket.uniqueNamespaces[i], bucket.uniqueKeyGroups[i]);
            bucket.uniqueKeys[i] = null;
            bucket.uniqueNamespaces[i] = null;
        } else {
            TimerHeapInternalTimer<K, N> timer = (TimerHeapInternalTimer<K, N>) bucket.pop();
            sets[timer.keyGroup - firstKeyGroup].delete(timer);
            into.set(timer.timestamp, timer.key, timer.namespace, timer.keyGroup);
        }
        size--;
        if (bucket.isEmpty()) {
            dropBucket(bucket);
        }
    }

    /** A reusable view of a polled timer, handed to the operator when it fires. */
    static final class PolledTimer<K, N> extends TimerData<K, N> {}

    /** Visits the timers of one key group (what a snapshot of that key group would write). */
    @SuppressWarnings("unchecked")
    void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
        TimerSet set = sets[keyGroup - firstKeyGroup];
        if (set != null) {
            for (Object t : set.slots) {
                if (t != null) {
                    action.accept((InternalTimer<K, N>) t);
                }
            }
        }
        for (int b = 0; b < heapSize; b++) {
            Bucket bucket = heap[b];
            for (int i = 0; i < bucket.uniqueCount; i++) {
                if (bucket.uniqueKeyGroups[i] == keyGroup) {
                    action.accept(new TimerHeapInternalTimer<>(bucket.time, (K) bucket.uniqueKeys[i],
                            (N) bucket.uniqueNamespaces[i], keyGroup));
                }
            }
        }
    }

    private TimerSet setOf(int keyGroup) {
        int idx = keyGroup - firstKeyGroup;
        TimerSet set = sets[idx];
        if (set == null) {
            set = new TimerSet();
            sets[idx] = set;
        }
        return set;
    }

    private Bucket bucketFor(long time) {
        Bucket bucket = lastBucket;
        if (bucket != null && bucket.time == time && bucket.heapIndex >= 0) {
            return bucket;
        }
        bucket = byTime.get(time);
        if (bucket == null) {
            bucket = new Bucket(time);
            byTime.put(bucket);
            if (heapSize == heap.length) {
                heap = Arrays.copyOf(heap, heapSize * 2);
            }
            siftUp(heapSize++, bucket);
        }
        lastBucket = bucket;
        return bucket;
    }

    private void dropBucket(Bucket bucket) {
        byTime.remove(bucket.time);
        int index = bucket.heapIndex;
        bucket.heapIndex = -1;
        if (lastBucket == bucket) {
            lastBucket = null;
        }
        int last = --heapSize;
        Bucket moved = heap[last];
        heap[last] = null;
        if (index == last) {
            return;
        }
        if (index > 0 && moved.time < heap[(index - 1) >>> 1].time) {
            siftUp(index, moved);
        } else {
            siftDown(index, moved);
        }
    }

    private void siftUp(int index, Bucket bucket) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (heap[parent].time <= bucket.time) {
                break;
            }
            place(index, heap[parent]);
            index = parent;
        }
        place(index, bucket);
    }

    private void siftDown(int index, Bucket bucket) {
        int half = heapSize >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < heapSize && heap[right].time < heap[child].time) {
                child = right;
            }
            if (bucket.time <= heap[child].time) {
                break;
            }
            place(index, heap[child]);
            index = child;
        }
        place(index, bucket);
    }

    private void place(int index, Bucket bucket) {
        heap[index] = bucket;
        bucket.heapIndex = index;
    }

    /**
     * The timers of one timestamp: timer objects in an array (removal swaps the last one into the
     * hole), and unique timers as parallel arrays of key, namespace and key group.
     */
    private static final class Bucket {
        final long time;
        TimerHeapInternalTimer<?, ?>[] timers = new TimerHeapInternalTimer<?, ?>[8];
        int count;
        Object[] uniqueKeys = new Object[8];
        Object[] uniqueNamespaces = new Object[8];
        int[] uniqueKeyGroups = new int[8];
        int uniqueCount;
        int heapIndex = -1;

        Bucket(long time) {
            this.time = time;
        }

        boolean isEmpty() {
            return count == 0 && uniqueCount == 0;
        }

        void addUnique(Object key, Object namespace, int keyGroup) {
            if (uniqueCount == uniqueKeys.length) {
                int capacity = uniqueCount * 2;
                uniqueKeys = Arrays.copyOf(uniqueKeys, capacity);
                uniqueNamespaces = Arrays.copyOf(uniqueNamespaces, capacity);
                uniqueKeyGroups = Arrays.copyOf(uniqueKeyGroups, capacity);
            }
            uniqueKeys[uniqueCount] = key;
            uniqueNamespaces[uniqueCount] = namespace;
            uniqueKeyGroups[uniqueCount++] = keyGroup;
        }

        void add(TimerHeapInternalTimer<?, ?> timer) {
            if (count == timers.length) {
                timers = Arrays.copyOf(timers, count * 2);
            }
            timer.bucketIndex = count;
            timers[count++] = timer;
        }

        TimerHeapInternalTimer<?, ?> pop() {
            TimerHeapInternalTimer<?, ?> timer = timers[--count];
            timers[count] = null;
            timer.bucketIndex = -1;
            return timer;
        }

        void remove(TimerHeapInternalTimer<?, ?> timer) {
            int index = timer.bucketIndex;
            TimerHeapInternalTimer<?, ?> last = timers[--count];
            timers[count] = null;
            if (index != count) {
                timers[index] = last;
                last.bucketIndex = index;
            }
            timer.bucketIndex = -1;
        }
    }

    /** Open-addressing map from timestamp to bucket, keys in a {@code long[]} (no boxing). */
    private static final class BucketsByTime {
        long[] times = new long[16];
        Bucket[] buckets = new Bucket[16];
        int count;

        private static int slotOf(long time, int mask) {
            long h = time * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        Bucket get(long time) {
            int mask = buckets.length - 1;
            for (int slot = slotOf(time, mask); buckets[slot] != null; slot = (slot + 1) & mask) {
                if (times[slot] == time) {
                    return buckets[slot];
                }
            }
            return null;
        }

        void put(Bucket bucket) {
            if ((count + 1) * 4 > buckets.length * 3) {
                grow();
            }
            int mask = buckets.length - 1;
            int slot = slotOf(bucket.time, mask);
            while (buckets[slot] != null) {
                slot = (slot + 1) & mask;
            }
            times[slot] = bucket.time;
            buckets[slot] = bucket;
            count++;
        }

        void remove(long time) {
            int mask = buckets.length - 1;
            int slot = slotOf(time, mask);
            while (times[slot] != time || buckets[slot] == null) {
                slot = (slot + 1) & mask;
            }
            count--;
            int hole = slot;
            int next = (hole + 1) & mask;
            while (buckets[next] != null) {
                int home = slotOf(times[next], mask);
                boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
                if (movable) {
                    times[hole] = times[next];
                    buckets[hole] = buckets[next];
                    hole = next;
                }
                next = (next + 1) & mask;
            }
            buckets[hole] = null;
        }

        private void grow() {
            long[] oldTimes = times;
            Bucket[] oldBuckets = buckets;
            times = new long[oldTimes.length * 2];
            buckets = new Bucket[oldTimes.length * 2];
            count = 0;
            for (int i = 0; i < oldBuckets.length; i++) {
                if (oldBuckets[i] != null) {
                    put(oldBuckets[i]);
                }
            }
        }
    }

    /** Open-addressing set of the timers of one key group, by (timestamp, key, namespace). */
    private static final class TimerSet {
        Object[] slots = new Object[16];
        int[] hashes = new int[16];
        int count;

        TimerHeapInternalTimer<?, ?> find(long time, Object key, Object namespace, int hash) {
            int mask = slots.length - 1;
            int slot = hash & mask;
            Object t;
            while ((t = slots[slot]) != null) {
                if (hashes[slot] == hash && ((TimerHeapInternalTimer<?, ?>) t).matches(time, key, namespace)) {
                    return (TimerHeapInternalTimer<?, ?>) t;
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }

        void insert(TimerHeapInternalTimer<?, ?> timer, int hash) {
            int mask = slots.length - 1;
            int slot = hash & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = timer;
            hashes[slot] = hash;
            timer.setSlot = slot;
            if (++count * 2 > slots.length) {
                grow();
            }
        }

        void delete(TimerHeapInternalTimer<?, ?> timer) {
            int mask = slots.length - 1;
            count--;
            int hole = timer.setSlot;
            timer.setSlot = -1;
            int next = (hole + 1) & mask;
            while (slots[next] != null) {
                int home = hashes[next] & mask;
                boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
                if (movable) {
                    slots[hole] = slots[next];
                    hashes[hole] = hashes[next];
                    ((TimerHeapInternalTimer<?, ?>) slots[hole]).setSlot = hole;
                    hole = next;
                }
                next = (next + 1) & mask;
            }
            slots[hole] = null;
            hashes[hole] = 0;
        }

        private void grow() {
            Object[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new Object[oldSlots.length * 2];
            hashes = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != null) {
                    int slot = oldHashes[i] & mask;
                    while (slots[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = oldSlots[i];
                    hashes[slot] = oldHashes[i];
                    ((TimerHeapInternalTimer<?, ?>) oldSlots[i]).setSlot = slot;
                }
            }
        }
    }
}
