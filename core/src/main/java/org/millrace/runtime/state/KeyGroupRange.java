package org.millrace.runtime.state;

import java.io.Serializable;

/** An inclusive range of key groups {@code [startKeyGroup, endKeyGroup]} owned by one operator instance. */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) implements Serializable {

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    public int size() {
        return Math.max(0, endKeyGroup - startKeyGroup + 1);
    }
}
