package org.millrace.runtime.state;

import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes nothing: state and timers in {@link VoidNamespace} need no namespace in snapshots. */
public final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {

    private static final long serialVersionUID = 1L;

    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    @Override
    public void serialize(VoidNamespace record, DataOutputView target) {}

    @Override
    public VoidNamespace deserialize(DataInputView source) {
        return VoidNamespace.INSTANCE;
    }

    @Override
    public VoidNamespace copy(VoidNamespace from) {
        return from;
    }

    @Override
    public TypeSerializer<VoidNamespace> duplicate() {
        return this;
    }

    @Override
    public int getLength() {
        return 0;
    }
}
