package org.millrace.streaming.api.source;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataOutputSerializer;

/**
 * {@code fromElements} / {@code fromCollection}: the elements are serialized with the stream's
 * serializer into the job graph when it is built and read back by a single subtask.
 */
public final class CollectionSource<T> implements ReaderSource<T> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;

    public CollectionSource(Collection<T> data, TypeSerializer<T> serializer) throws IOException {
        this.serializer = serializer;
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (T element : data) {
            serializer.serialize(element, out);
        }
        this.elements = out.copyOfBuffer();
        this.count = data.size();
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public int getMaxParallelism() {
        return 1;
    }

    @Override
    public SourceReader<T> createReader(int subtaskIndex, int parallelism) {
        TypeSerializer<T> s = serializer.duplicate();
        DataInputDeserializer in = new DataInputDeserializer(elements);
        return new SourceReader<>() {
            private int emitted;

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) throws IOException {
                if (emitted == count) {
                    return InputStatus.END_OF_INPUT;
                }
                output.collect(s.deserialize(in));
                emitted++;
                return emitted == count ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }

            @Override
            public CompletableFuture<?> isAvailable() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
