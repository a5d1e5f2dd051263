package org.millrace.api.common.state;

/**
 * Non-keyed state of one operator instance, for a {@code CheckpointedFunction}: named lists that a
 * checkpoint keeps and a restore gives back — divided evenly among the instances when the
 * parallelism changed ({@link #getListState}), or whole to every instance ({@link #getUnionListState}).
 */
public interface OperatorStateStore {

    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;
}
