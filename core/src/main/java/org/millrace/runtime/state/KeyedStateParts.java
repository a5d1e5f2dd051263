package org.millrace.runtime.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataOutputSerializer;

/**
 * The canonical key-grouped snapshot format every keyed state backend writes and reads, over the
 * named {@link KeyGroupedState} parts of one operator instance. One class for it keeps savepoints
 * portable between backends. Restored bytes of parts not registered yet are kept until they are
 * (operators ask for their states when they open, after the restore), and written again by
 * snapshots meanwhile.
 *
 * <p>Format (version 1): {@code int magic, int version, int maxParallelism}, then per key group
 * with entries {@code int keyGroup, int parts} and per part {@code UTF name, int length, bytes};
 * {@code -1} ends the file.
 *
 * <p>Used by the task thread only.
 */
public final class KeyedStateParts {

    private static final int MAGIC = 0x4D524B53; // "MRKS"
    private static final int VERSION = 1;

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final Map<String, KeyGroupedState> parts = new LinkedHashMap<>();
    /** Restored bytes of parts not registered yet: name -> key group -> bytes. */
    private final Map<String, Map<Integer, byte[]>> restoredParts = new HashMap<>();

    public KeyedStateParts(KeyGroupRange keyGroupRange, int maxParallelism) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
    }

    /** Adds a part under a name unique in the operator; restored bytes waiting for it are read into it now. */
    public void register(String name, KeyGroupedState state) throws IOException {
        if (parts.putIfAbsent(name, state) != null) {
            throw new IllegalStateException("Keyed state '" + name + "' is registered twice");
        }
        Map<Integer, byte[]> restored = restoredParts.remove(name);
        if (restored != null) {
            DataInputDeserializer in = new DataInputDeserializer();
            for (Map.Entry<Integer, byte[]> e : restored.entrySet()) {
                in.setBuffer(e.getValue(), 0, e.getValue().length);
                state.readKeyGroup(e.getKey(), in);
            }
        }
    }

    public boolean isRegistered(String name) {
        return parts.containsKey(name);
    }

    /** Writes the parts {@code include} accepts (and restored bytes not claimed yet) of every key group. */
    public void snapshot(OutputStream stream, Predicate<String> include) throws IOException {
        freeze(include).writeTo(stream);
    }

    /**
     * The parts {@code include} accepts as they are now ({@link KeyGroupedState#freeze}), for a
     * writer thread to write in the canonical format while the task changes them.
     */
    public Frozen freeze(Predicate<String> include) throws IOException {
        Map<String, KeyGroupedState> frozen = new LinkedHashMap<>();
        for (Map.Entry<String, KeyGroupedState> part : parts.entrySet()) {
            if (include.test(part.getKey())) {
                frozen.put(part.getKey(), part.getValue().freeze(keyGroupRange));
            }
        }
        Map<String, Map<Integer, byte[]>> pending = new LinkedHashMap<>();
        restoredParts.forEach((name, keyGroups) -> pending.put(name, new HashMap<>(keyGroups)));
        return new Frozen(keyGroupRange, maxParallelism, frozen, pending);
    }

    /** A snapshot of the parts taken in the task thread; {@link #writeTo} may run in any one thread. */
    public static final class Frozen {
        private final KeyGroupRange keyGroupRange;
        private final int maxParallelism;
        private final Map<String, KeyGroupedState> parts;
        private final Map<String, Map<Integer, byte[]>> restoredParts;

        private Frozen(KeyGroupRange keyGroupRange, int maxParallelism, Map<String, KeyGroupedState> parts,
                       Map<String, Map<Integer, byte[]>> restoredParts) {
            this.keyGroupRange = keyGroupRange;
            this.maxParallelism = maxParallelism;
            this.parts = parts;
            this.restoredParts = restoredParts;
        }

        /** Writes the canonical format. */
        public void writeTo(OutputStream stream) throws IOException {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(maxParallelism);
            DataOutputSerializer buffer = new DataOutputSerializer(4096);
            List<String> names = new ArrayList<>();
            List<byte[]> blobs = new ArrayList<>();
            for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
                names.clear();
                blobs.clear();
                for (Map.Entry<String, KeyGroupedState> part : parts.entrySet()) {
                    buffer.clear();
                    if (part.getValue().writeKeyGroup(kg, buffer)) {
                        names.add(part.getKey());
                        blobs.add(buffer.copyOfBuffer());
                    }
                }
                for (Map.Entry<String, Map<Integer, byte[]>> pending : restoredParts.entrySet()) {
                    byte[] bytes = pending.getValue().get(kg);
                    if (bytes != null) {
                        names.add(pending.getKey());
                        blobs.add(bytes);
                    }
                }
                if (names.isEmpty()) {
                    continue;
                }
                out.writeInt(kg);
                out.writeInt(names.size());
                for (int i = 0; i < names.size(); i++) {
                    out.writeUTF(names.get(i));
                    out.writeInt(blobs.get(i).length);
                    out.write(blobs.get(i));
                }
            }
            out.writeInt(-1);
            out.flush();
        }
    }

    /** Reads the key groups of this instance from one canonical file of any instance, at any parallelism. */
    public void restore(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        int version = in.readInt();
        int writtenMaxParallelism = in.readInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IOException(source + " is not keyed state of a known version (magic "
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        if (writtenMaxParallelism != maxParallelism) {
            throw new IOException(source + " was written with max parallelism " + writtenMaxParallelism
                    + " (key groups), but the operator now has " + maxParallelism
                    + "; the max parallelism of a stateful operator cannot change");
        }
        int kg;
        while ((kg = in.readInt()) >= 0) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                if (!keyGroupRange.contains(kg)) {
                    continue;
                }
                KeyGroupedState registered = parts.get(name);
                if (registered != null) {
                    registered.readKeyGroup(kg, new DataInputDeserializer(bytes));
                } else {
                    restoredParts.computeIfAbsent(name, n -> new HashMap<>()).put(kg, bytes);
                }
            }
        }
    }
}
