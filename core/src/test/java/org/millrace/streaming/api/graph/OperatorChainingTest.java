package org.millrace.streaming.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

class OperatorChainingTest {

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private static List<String> vertexNames(JobGraph graph) {
        return graph.getVertices().stream().map(JobVertex::getName).toList();
    }

    @Test
    void forwardEdgesWithEqualParallelismChainIntoOneVertex() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 9).map(v -> v + 1).filter(v -> v > 3).print();
        JobGraph graph = env.getJobGraph("chain");
        assertEquals(List.of("Source: Sequence Source -> Map -> Filter -> Sink: Print to Std. Out"), vertexNames(graph));
    }

    @Test
    void keyByBreaksTheChain() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 9).map(v -> v % 3).keyBy(v -> v).reduce(Long::sum).print();
        JobGraph graph = env.getJobGraph("keyed");
        assertEquals(List.of("Source: Sequence Source -> Map", "Keyed Reduce -> Sink: Print to Std. Out"), vertexNames(graph));
        assertEquals("HASH", graph.getEdge(graph.getVertices().get(1).getInputEdgeIds().get(0)).getPartitioner().toString());
    }

    /** (v % 3, 1) for v in 0..9, keyed by the first field, summed over the second, printed. */
    private static void sumOfPairs(StreamExecutionEnvironment env) {
        env.fromSequence(0, 9).map(v -> Tuple2.of(v % 3, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0).sum(1).print();
    }

    @Test
    void batchSumChainsACombinerToItsProducerAndStreamingSumDoesNot() {
        StreamExecutionEnvironment batch = env(2);
        batch.setRuntimeMode(RuntimeExecutionMode.BATCH);
        sumOfPairs(batch);
        assertEquals(List.of("Source: Sequence Source -> Map -> Combine (Sum)", "Keyed Aggregation (Sum) -> Sink: Print to Std. Out"),
                vertexNames(batch.getJobGraph("batch sum")));

        StreamExecutionEnvironment streaming = env(2);
        sumOfPairs(streaming);
        assertEquals(List.of("Source: Sequence Source -> Map", "Keyed Aggregation (Sum) -> Sink: Print to Std. Out"),
                vertexNames(streaming.getJobGraph("streaming sum")));

        StreamExecutionEnvironment nonParallelSource = env(2); // the source's parallelism 1 is resolved later
        nonParallelSource.setRuntimeMode(RuntimeExecutionMode.BATCH);
        nonParallelSource.fromCollection(List.of(Tuple2.of(1L, 1L)))
                .keyBy(t -> t.f0).sum(1).print();
        JobGraph graph = nonParallelSource.getJobGraph("non-parallel source");
        assertEquals(List.of("Source: Collection Source -> Combine (Sum)", "Keyed Aggregation (Sum) -> Sink: Print to Std. Out"),
                vertexNames(graph));
        assertEquals(1, graph.getVertices().get(0).getParallelism());
    }

    @Test
    void parallelismChangeInsertsRebalanceAndBreaksTheChain() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 9).map(v -> v).setParallelism(3).print();
        JobGraph graph = env.getJobGraph("rescaled");
        assertEquals(3, graph.getNumberOfVertices());
        JobVertex map = graph.getVertices().get(1);
        assertEquals(3, map.getParallelism());
        assertEquals("REBALANCE", graph.getEdge(map.getInputEdgeIds().get(0)).getPartitioner().toString());
    }

    @Test
    void disableChainingStartNewChainAndSlotSharingGroupsSplitVertices() {
        StreamExecutionEnvironment env = env(1);
        env.fromSequence(0, 9).map(v -> v).disableChaining().filter(v -> true).print();
        assertEquals(3, env.getJobGraph("a").getNumberOfVertices());

        env.fromSequence(0, 9).map(v -> v).filter(v -> true).startNewChain().print();
        assertEquals(List.of("Source: Sequence Source -> Map", "Filter -> Sink: Print to Std. Out"), vertexNames(env.getJobGraph("b")));

        env.fromSequence(0, 9).map(v -> v).slotSharingGroup("other").print();
        assertEquals(3, env.getJobGraph("c").getNumberOfVertices());
    }

    @Test
    void disabledChainingGivesOneVertexPerOperator() {
        StreamExecutionEnvironment env = env(1);
        env.disableOperatorChaining();
        env.fromSequence(0, 9).map(v -> v).filter(v -> true).print();
        assertEquals(4, env.getJobGraph("unchained").getNumberOfVertices());
    }

    @Test
    void explicitForwardBetweenDifferentParallelismsIsRejectedWithBothOperatorsNamed() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 9).forward().map(v -> v).name("Widen").setParallelism(4).print();
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> env.getJobGraph("bad"));
        assertTrue(e.getMessage().contains("Forward partitioning does not allow change of parallelism"), e.getMessage());
        assertTrue(e.getMessage().contains("Widen"), e.getMessage());
    }

    @Test
    void unionOfTwoSourcesFeedsOneVertexWithTwoInputs() {
        StreamExecutionEnvironment env = env(1);
        env.fromSequence(0, 9).union(env.fromSequence(10, 19)).map(v -> v).print();
        JobGraph graph = env.getJobGraph("union");
        assertEquals(3, graph.getNumberOfVertices());
        assertEquals(2, graph.getVertices().get(2).getInputEdgeIds().size());
    }

    @Test
    void nonParallelSourceCannotBeGivenParallelism() {
        StreamExecutionEnvironment env = env(4);
        assertThrows(IllegalArgumentException.class, () -> env.fromElements(1, 2, 3).setParallelism(2));
        env.fromElements(1, 2, 3).map(v -> v).print();
        JobGraph graph = env.getJobGraph("collection");
        assertEquals(1, graph.getVertices().get(0).getParallelism());
        assertEquals(4, graph.getVertices().get(1).getParallelism());
    }

    @Test
    void jobGraphSurvivesJavaSerializationSoItCanBeShippedToAJobManager() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 9).map(v -> v * 2).keyBy(v -> v % 3).reduce(Long::sum).print();
        JobGraph graph = env.getJobGraph("shipped");
        JobGraph copy = org.millrace.util.InstantiationUtil.deserializeObject(
                org.millrace.util.InstantiationUtil.serializeObject(graph), getClass().getClassLoader());
        assertEquals(graph.getJobID(), copy.getJobID());
        assertEquals(vertexNames(graph), vertexNames(copy));
        for (JobVertex v : copy.getVertices()) {
            assertEquals(graph.getVertex(v.getId()).getParallelism(), v.getParallelism());
            assertTrue(!v.deserializeChain(getClass().getClassLoader()).isEmpty());
        }
    }
}
