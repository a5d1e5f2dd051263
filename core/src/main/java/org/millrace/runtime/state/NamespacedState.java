package org.millrace.runtime.state;

/**
 * One state of a keyed operator whose entries are scoped to the backend's current key and to a
 * namespace the operator sets (a window, or {@link VoidNamespace}). Holds any object per entry;
 * what it means (an accumulator, a list of elements, a user's value) is up to the operator. A
 * backend that stores bytes sees only what is passed to {@link #update}: an entry changed in place
 * must be written back.
 *
 * <p>Used by the task thread only.
 */
public interface NamespacedState<K, N, S> {

    void setCurrentNamespace(N namespace);

    N getCurrentNamespace();

    /** The entry of the current key and namespace, or null. */
    S get();

    /** The entry of the current key in {@code otherNamespace}, or null. */
    S get(N otherNamespace);

    /** Sets the entry of the current key and namespace; null removes it. */
    void update(S value);

    void clear();

    /** Removes the entry of the current key in {@code otherNamespace}. */
    void clear(N otherNamespace);

    /** Number of entries over all key groups (for tests and metrics). */
    int size();
}
