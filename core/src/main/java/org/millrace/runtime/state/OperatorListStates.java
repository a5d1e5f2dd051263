package org.millrace.runtime.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.ListState;
import org.millrace.api.common.state.ListStateDescriptor;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataOutputSerializer;

/**
 * The operator list states a {@code CheckpointedFunction} declares, kept as objects while the job
 * runs and written element by element into the operator's {@link OperatorStateStore} for a
 * checkpoint, so a SPLIT list can be divided among instances element by element.
 */
public final class OperatorListStates implements org.millrace.api.common.state.OperatorStateStore {

    private static final String PREFIX = "function-list:";

    private record Declared<T>(OperatorStateStore.Distribution distribution, TypeSerializer<T> serializer, List<T> values) {}

    private final OperatorStateStore restored;
    private final Map<String, Declared<?>> declared = new LinkedHashMap<>();

    /** @param restored the operator's restored (already redistributed) state, empty on a fresh start */
    public OperatorListStates(OperatorStateStore restored) {
        this.restored = restored;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws IOException {
        return declare(descriptor, OperatorStateStore.Distribution.SPLIT);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws IOException {
        return declare(descriptor, OperatorStateStore.Distribution.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> declare(ListStateDescriptor<S> descriptor, OperatorStateStore.Distribution distribution)
            throws IOException {
        Declared<S> state = (Declared<S>) declared.get(descriptor.getName());
        if (state == null) {
            TypeSerializer<S> serializer = descriptor.getElementTypeInformation().createSerializer();
            List<S> values = new ArrayList<>();
            for (byte[] element : restored.get(PREFIX + descriptor.getName())) {
                values.add(serializer.deserialize(new DataInputDeserializer(element)));
            }
            state = new Declared<>(distribution, serializer, values);
            declared.put(descriptor.getName(), state);
        }
        List<S> values = state.values;
        return new ListState<>() {
            @Override
            public Iterable<S> get() {
                return java.util.Collections.unmodifiableList(values);
            }

            @Override
            public void add(S value) {
                values.add(value);
            }

            @Override
            public void addAll(List<S> more) {
                values.addAll(more);
            }

            @Override
            public void update(List<S> replacement) {
                values.clear();
                values.addAll(replacement);
            }

            @Override
            public void clear() {
                values.clear();
            }
        };
    }

    /** Writes every declared list into {@code store}, one entry per element. */
    public void snapshotInto(OperatorStateStore store) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Map.Entry<String, Declared<?>> e : declared.entrySet()) {
            store.put(PREFIX + e.getKey(), e.getValue().distribution, serialize(e.getValue(), out));
        }
    }

    private static <T> List<byte[]> serialize(Declared<T> state, DataOutputSerializer out) throws IOException {
        List<byte[]> elements = new ArrayList<>(state.values.size());
        for (T value : state.values) {
            out.clear();
            state.serializer.serialize(value, out);
            elements.add(out.copyOfBuffer());
        }
        return elements;
    }
}
