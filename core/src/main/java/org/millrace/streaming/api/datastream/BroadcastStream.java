package org.millrace.streaming.api.datastream;

import java.util.List;
import org.millrace.api.common.state.MapStateDescriptor;

/**
 * A stream whose every element goes to every parallel instance of the operator it is connected
 * to ({@code stream.broadcast(descriptors)}), together with the broadcast states that operator
 * keeps: connect it to another stream with {@code other.connect(broadcastStream)}.
 */
public class BroadcastStream<T> {

    private final DataStream<T> input;
    private final List<MapStateDescriptor<?, ?>> stateDescriptors;

    BroadcastStream(DataStream<T> input, List<MapStateDescriptor<?, ?>> stateDescriptors) {
        this.input = input;
        this.stateDescriptors = stateDescriptors;
    }

    DataStream<T> getInput() {
        return input;
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return stateDescriptors;
    }
}
