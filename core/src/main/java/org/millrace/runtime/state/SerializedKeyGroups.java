package org.millrace.runtime.state;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;

/**
 * A {@link KeyGroupedState} frozen by serializing each of its key groups into bytes: what a part
 * without copy-on-write snapshots hands to the writer thread. Write-only.
 */
final class SerializedKeyGroups implements KeyGroupedState {

    private final Map<Integer, byte[]> keyGroups;

    private SerializedKeyGroups(Map<Integer, byte[]> keyGroups) {
        this.keyGroups = keyGroups;
    }

    /** Serializes every key group of {@code range} that {@code state} has entries in. */
    static SerializedKeyGroups of(KeyGroupedState state, KeyGroupRange range) throws IOException {
        Map<Integer, byte[]> bytes = new HashMap<>();
        DataOutputSerializer buffer = new DataOutputSerializer(4096);
        for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
            buffer.clear();
            if (state.writeKeyGroup(kg, buffer)) {
                bytes.put(kg, buffer.copyOfBuffer());
            }
        }
        return new SerializedKeyGroups(bytes);
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
        byte[] bytes = keyGroups.get(keyGroup);
        if (bytes == null) {
            return false;
        }
        out.write(bytes);
        return true;
    }

    @Override
    public void readKeyGroup(int keyGroup, DataInputView in) {
        throw new UnsupportedOperationException("A frozen snapshot part is written, never read into");
    }
}
