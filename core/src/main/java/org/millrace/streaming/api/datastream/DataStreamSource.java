package org.millrace.streaming.api.datastream;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.graph.StreamNode;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    public DataStreamSource(StreamExecutionEnvironment environment, StreamNode node, TypeInformation<T> type) {
        super(environment, node, type);
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        super.setParallelism(parallelism);
        return this;
    }
}
