package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.streaming.api.datastream.SingleOutputStreamOperator;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Side outputs of a process function, read by chained operators and across an exchange. */
@Timeout(120)
class SideOutputsITCase {

    private static final OutputTag<String> ODD = new OutputTag<>("odd", Types.STRING);

    /** Even numbers to the main output, odd ones as text to the side output. */
    static final class SplitOdd extends ProcessFunction<Integer, Integer> {
        @Override
        public void processElement(Integer value, Context ctx, Collector<Integer> out) {
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, "odd " + value);
            }
        }
    }

    @Test
    void sideOutputGoesOnlyToItsReadersWhetherChainedOrNot() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        TestingCollectSink<Integer> evens = new TestingCollectSink<>();
        TestingCollectSink<String> oddsChained = new TestingCollectSink<>();
        TestingCollectSink<String> oddsAcrossExchange = new TestingCollectSink<>();
        SingleOutputStreamOperator<Integer> split = env.fromElements(1, 2, 3, 4, 5, 6).process(new SplitOdd());
        split.addSink(evens);
        split.getSideOutput(ODD).map(s -> s.toUpperCase()).returns(String.class).addSink(oddsChained);
        split.getSideOutput(ODD).rebalance().map(s -> s + "!").returns(String.class).setParallelism(2)
                .addSink(oddsAcrossExchange).setParallelism(1);
        env.execute("side outputs");

        assertEquals(List.of(2, 4, 6), evens.drain());
        assertEquals(List.of("ODD 1", "ODD 3", "ODD 5"), oddsChained.drain());
        assertEquals(List.of("odd 1!", "odd 3!", "odd 5!"), oddsAcrossExchange.drain().stream().sorted().toList());
    }
}
