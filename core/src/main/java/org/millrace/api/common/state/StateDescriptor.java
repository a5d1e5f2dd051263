package org.millrace.api.common.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * What every keyed state descriptor has: the state's name, unique within its operator, and the
 * time-to-live of its values ({@link #enableTimeToLive}), off unless set.
 */
public abstract class StateDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name) {
        this.name = Objects.requireNonNull(name, "state name");
    }

    public String getName() {
        return name;
    }

    /**
     * Lets the state's values expire {@code ttlConfig.getTtl()} after they were last written (or
     * read, as configured): expired values are not returned and are removed from the state. Turning
     * time-to-live on or off changes how the state is stored, so a savepoint taken with the other
     * setting cannot be restored into it.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }
}
