package org.millrace.runtime.state.ttl;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.MapState;

/**
 * A {@link MapState} whose entries expire one by one: each value is stored stamped with the time
 * it was put; reading an expired entry (alone or by iterating) removes it from the state.
 */
final class TtlMapState<UK, UV> implements MapState<UK, UV> {

    private final MapState<UK, TtlValue<UV>> stamped;
    private final TtlPolicy policy;

    TtlMapState(MapState<UK, TtlValue<UV>> stamped, TtlPolicy policy) {
        this.stamped = stamped;
        this.policy = policy;
    }

    @Override
    public UV get(UK key) throws Exception {
        TtlValue<UV> entry = stamped.get(key);
        if (entry == null) {
            return null;
        }
        long now = policy.now();
        if (policy.isExpired(entry, now)) {
            stamped.remove(key);
            return policy.returnExpired() ? entry.value() : null;
        }
        if (policy.renewOnRead()) {
            stamped.put(key, new TtlValue<>(entry.value(), now));
        }
        return entry.value();
    }

    @Override
    public void put(UK key, UV value) throws Exception {
        stamped.put(key, policy.stamp(value));
    }

    @Override
    public void putAll(Map<UK, UV> map) throws Exception {
        long now = policy.now();
        Map<UK, TtlValue<UV>> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(k, new TtlValue<>(v, now)));
        stamped.putAll(values);
    }

    @Override
    public void remove(UK key) throws Exception {
        stamped.remove(key);
    }

    @Override
    public boolean contains(UK key) throws Exception {
        return get(key) != null;
    }

    /** The live entries (and the expired ones if the config returns them); expired ones are removed. */
    @Override
    public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
        long now = policy.now();
        List<Map.Entry<UK, UV>> visible = new ArrayList<>();
        List<UK> expired = new ArrayList<>();
        Map<UK, TtlValue<UV>> renewed = new LinkedHashMap<>();
        for (Map.Entry<UK, TtlValue<UV>> entry : stamped.entries()) {
            TtlValue<UV> value = entry.getValue();
            if (policy.isExpired(value, now)) {
                expired.add(entry.getKey());
                if (!policy.returnExpired()) {
                    continue;
                }
            } else if (policy.renewOnRead()) {
                renewed.put(entry.getKey(), new TtlValue<>(value.value(), now));
            }
            visible.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), value.value()));
        }
        for (UK key : expired) {
            stamped.remove(key);
        }
        if (!renewed.isEmpty()) {
            stamped.putAll(renewed);
        }
        return visible;
    }

    @Override
    public Iterable<UK> keys() throws Exception {
        List<UK> keys = new ArrayList<>();
        for (Map.Entry<UK, UV> entry : entries()) {
            keys.add(entry.getKey());
        }
        return keys;
    }

    @Override
    public Iterable<UV> values() throws Exception {
        List<UV> values = new ArrayList<>();
        for (Map.Entry<UK, UV> entry : entries()) {
            values.add(entry.getValue());
        }
        return values;
    }

    @Override
    public boolean isEmpty() throws Exception {
        return !entries().iterator().hasNext();
    }

    @Override
    public void clear() {
        stamped.clear();
    }
}
