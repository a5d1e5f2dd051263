package org.millrace.runtime.state;

/** The namespace of state and timers that belong to a key only (not to a window of it). */
public final class VoidNamespace {

    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    @Override
    public int hashCode() {
        return 99;
    }

    /** Any instance is the one namespace (a snapshot read back may create another instance). */
    @Override
    public boolean equals(Object o) {
        return o instanceof VoidNamespace;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
