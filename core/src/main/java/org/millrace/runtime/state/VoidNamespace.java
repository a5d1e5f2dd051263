package org.millrace.runtime.state;

/** The namespace of state and timers that belong to a key only (not to a window of it). */
public final class VoidNamespace {

    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    @Override
    public int hashCode() {
        return 99;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
