package org.millrace.runtime.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The non-keyed state of one operator instance: named lists of serialized entries (a source's
 * unread splits, a sink's files awaiting commit). How a list is divided when the job's parallelism
 * changes is part of the state: {@link Distribution#SPLIT} lists are concatenated and cut evenly
 * among the new instances, {@link Distribution#UNION} lists are given whole to every instance.
 *
 * <p>File format (version 1): {@code int magic, int version, int lists}, then per list
 * {@code UTF name, byte distribution, int entries} and per entry {@code int length, bytes}.
 */
public final class OperatorStateStore {

    /** How a list is redistributed on restore. */
    public enum Distribution { SPLIT, UNION }

    private static final int MAGIC = 0x4D524F53; // "MROS"
    private static final int VERSION = 1;

    private record NamedList(Distribution distribution, List<byte[]> entries) {}

    private final Map<String, NamedList> lists = new LinkedHashMap<>();
    private boolean restored;

    /**
     * True if this is the operator's state from a checkpoint it was part of (even if this instance's
     * share is empty, e.g. a source whose reading had finished): the operator must resume, not start over.
     */
    public boolean isRestored() {
        return restored;
    }

    /** Replaces the list called {@code name}. */
    public void put(String name, Distribution distribution, List<byte[]> entries) {
        lists.put(name, new NamedList(distribution, new ArrayList<>(entries)));
    }

    /** The list called {@code name}; empty if there is none. */
    public List<byte[]> get(String name) {
        NamedList list = lists.get(name);
        return list == null ? List.of() : List.copyOf(list.entries);
    }

    public boolean isEmpty() {
        return lists.isEmpty();
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(lists.size());
        for (Map.Entry<String, NamedList> e : lists.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue().distribution.ordinal());
            out.writeInt(e.getValue().entries.size());
            for (byte[] entry : e.getValue().entries) {
                out.writeInt(entry.length);
                out.write(entry);
            }
        }
        out.flush();
    }

    public static OperatorStateStore read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IOException(source + " is not operator state of a known version (magic "
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        OperatorStateStore store = new OperatorStateStore();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            Distribution distribution = Distribution.values()[in.readByte()];
            int entries = in.readInt();
            List<byte[]> list = new ArrayList<>(entries);
            for (int j = 0; j < entries; j++) {
                byte[] entry = new byte[in.readInt()];
                in.readFully(entry);
                list.add(entry);
            }
            store.lists.put(name, new NamedList(distribution, list));
        }
        return store;
    }

    /**
     * The share of instance {@code subtaskIndex} of {@code newParallelism} of the state the old
     * instances wrote ({@code old} in old subtask order; absent instances had finished): at the same
     * parallelism every instance gets its own lists back, else SPLIT lists are cut evenly.
     */
    public static OperatorStateStore redistribute(List<OperatorStateStore> old, boolean sameParallelism,
                                                  int subtaskIndex, int newParallelism) {
        OperatorStateStore mine = new OperatorStateStore();
        mine.restored = true;
        if (sameParallelism) {
            if (subtaskIndex < old.size() && old.get(subtaskIndex) != null) {
                mine.lists.putAll(old.get(subtaskIndex).lists);
            }
            mergeUnions(old, mine);
            return mine;
        }
        Map<String, List<byte[]>> concatenated = new LinkedHashMap<>();
        for (OperatorStateStore store : old) {
            if (store == null) {
                continue;
            }
            store.lists.forEach((name, list) -> {
                if (list.distribution == Distribution.SPLIT) {
                    concatenated.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list.entries);
                }
            });
        }
        concatenated.forEach((name, all) -> {
            int from = (int) ((long) all.size() * subtaskIndex / newParallelism);
            int to = (int) ((long) all.size() * (subtaskIndex + 1) / newParallelism);
            mine.lists.put(name, new NamedList(Distribution.SPLIT, new ArrayList<>(all.subList(from, to))));
        });
        mergeUnions(old, mine);
        return mine;
    }

    private static void mergeUnions(Collection<OperatorStateStore> old, OperatorStateStore into) {
        Map<String, List<byte[]>> unions = new LinkedHashMap<>();
        for (OperatorStateStore store : old) {
            if (store == null) {
                continue;
            }
            store.lists.forEach((name, list) -> {
                if (list.distribution == Distribution.UNION) {
                    unions.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list.entries);
                }
            });
        }
        unions.forEach((name, all) -> into.lists.put(name, new NamedList(Distribution.UNION, all)));
    }
}
