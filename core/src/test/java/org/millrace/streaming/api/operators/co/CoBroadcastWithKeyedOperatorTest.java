package org.millrace.streaming.api.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;
import org.millrace.util.Collector;

/** The keyed side of a broadcast connection in a fixed order: keyed state, broadcast state, applyToKeyedState. */
class CoBroadcastWithKeyedOperatorTest {

    private static final MapStateDescriptor<String, String> SEEN = new MapStateDescriptor<>("seen", Types.STRING, Types.STRING);
    private static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", Types.INT);

    /** Counts elements per key; the broadcast commands "report" and "reset" act on every key's count. */
    static final class CountWithCommands extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(COUNT);
        }

        @Override
        public void processElement(String key, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            if (ctx.getBroadcastState(SEEN).contains("reset")) {
                out.collect(key + " counted after a reset");
            }
        }

        @Override
        public void processBroadcastElement(String command, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(SEEN).put(command, command);
            if (command.equals("report")) {
                List<String> counts = new ArrayList<>();
                ctx.applyToKeyedState(COUNT, (key, state) -> counts.add(key + "=" + state.value()));
                counts.sort(null);
                out.collect(String.join(",", counts));
            } else if (command.equals("reset")) {
                ctx.applyToKeyedState(COUNT, (key, state) -> state.clear());
            }
        }
    }

    @Test
    void broadcastElementsReachEveryKeysStateAndKeyedElementsReadTheBroadcastState() throws Exception {
        var h = new OneInputStreamOperatorTestHarness<TaggedUnion<String, String>, String>(
                p -> new CoBroadcastWithKeyedOperator<String, String, String, String>(p, new CountWithCommands(), List.of(SEEN)),
                (TaggedUnion<String, String> t) -> t.getOne());
        h.open();
        h.processElement(TaggedUnion.one("a"), 1);
        h.processElement(TaggedUnion.one("b"), 2);
        h.processElement(TaggedUnion.one("a"), 3);
        h.processElement(TaggedUnion.two("report"), 4);
        h.processElement(TaggedUnion.two("reset"), 5);
        h.processElement(TaggedUnion.one("a"), 6);
        h.processElement(TaggedUnion.two("report"), 7);
        assertEquals(List.of("a=2,b=1", "a counted after a reset", "a=1"), h.extractOutputValues());
    }
}
