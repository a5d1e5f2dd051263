package org.millrace.runtime.state.ttl;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.state.ListState;

/**
 * A {@link ListState} whose elements expire one by one: each is stored stamped with the time it
 * was added; reading the list drops the expired elements from the state.
 */
final class TtlListState<T> implements ListState<T> {

    private final ListState<TtlValue<T>> stamped;
    private final TtlPolicy policy;

    TtlListState(ListState<TtlValue<T>> stamped, TtlPolicy policy) {
        this.stamped = stamped;
        this.policy = policy;
    }

    @Override
    public Iterable<T> get() throws Exception {
        long now = policy.now();
        List<TtlValue<T>> kept = new ArrayList<>();
        List<T> visible = new ArrayList<>();
        boolean changed = false;
        for (TtlValue<T> element : stamped.get()) {
            if (policy.isExpired(element, now)) {
                changed = true;
                if (policy.returnExpired()) {
                    visible.add(element.value());
                }
            } else {
                visible.add(element.value());
                if (policy.renewOnRead()) {
                    kept.add(new TtlValue<>(element.value(), now));
                    changed = true;
                } else {
                    kept.add(element);
                }
            }
        }
        if (changed) {
            stamped.update(kept);
        }
        return visible;
    }

    @Override
    public void add(T value) throws Exception {
        stamped.add(policy.stamp(value));
    }

    @Override
    public void addAll(List<T> values) throws Exception {
        stamped.addAll(stampAll(values));
    }

    @Override
    public void update(List<T> values) throws Exception {
        stamped.update(stampAll(values));
    }

    private List<TtlValue<T>> stampAll(List<T> values) {
        long now = policy.now();
        List<TtlValue<T>> result = new ArrayList<>(values.size());
        for (T value : values) {
            result.add(new TtlValue<>(value, now));
        }
        return result;
    }

    @Override
    public void clear() {
        stamped.clear();
    }
}
