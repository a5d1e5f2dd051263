package org.millrace.runtime.state.ttl;

import java.io.IOException;
import org.millrace.api.common.state.ValueState;

/**
 * A {@link ValueState} whose value expires: stored stamped in a {@code ValueState<TtlValue<T>>};
 * an expired value is removed when it is read (and returned only if the config allows it).
 */
final class TtlValueState<T> implements ValueState<T> {

    private final ValueState<TtlValue<T>> stamped;
    private final TtlPolicy policy;

    TtlValueState(ValueState<TtlValue<T>> stamped, TtlPolicy policy) {
        this.stamped = stamped;
        this.policy = policy;
    }

    @Override
    public T value() throws IOException {
        TtlValue<T> current = stamped.value();
        if (current == null) {
            return null;
        }
        long now = policy.now();
        if (policy.isExpired(current, now)) {
            stamped.clear();
            return policy.returnExpired() ? current.value() : null;
        }
        if (policy.renewOnRead()) {
            stamped.update(new TtlValue<>(current.value(), now));
        }
        return current.value();
    }

    @Override
    public void update(T value) throws IOException {
        if (value == null) {
            stamped.clear();
        } else {
            stamped.update(policy.stamp(value));
        }
    }

    @Override
    public void clear() {
        stamped.clear();
    }
}
