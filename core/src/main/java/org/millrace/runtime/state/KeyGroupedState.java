package org.millrace.runtime.state;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * A part of a keyed operator's state that a snapshot writes key group by key group (a value state,
 * the timers), registered with the {@link KeyedStateBackend} under a name unique in the
 * operator. Writing per key group is what lets a restored job run at a different parallelism: each
 * new instance reads back just the key groups it owns.
 */
public interface KeyGroupedState {

    /** Writes this state's entries of {@code keyGroup}; false (and nothing written) if it has none. */
    boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException;

    /** Adds the entries {@link #writeKeyGroup} wrote for {@code keyGroup}. */
    void readKeyGroup(int keyGroup, DataInputView in) throws IOException;

    /**
     * What this part holds now, as a part that another thread may write key group by key group while
     * the task goes on changing this one (an asynchronous snapshot). By default the key groups are
     * serialized here, in the calling thread; a part that can do better (copy-on-write) overrides it.
     */
    default KeyGroupedState freeze(KeyGroupRange keyGroups) throws IOException {
        return SerializedKeyGroups.of(this, keyGroups);
    }
}
