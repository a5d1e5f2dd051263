package org.millrace.runtime.executiongraph.failover;

/** {@code restart-strategy.type: none}: the first failure fails the job. Stateless, hence a singleton. */
public enum NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    INSTANCE;

    @Override
    public void notifyFailure(Throwable cause) {}

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTime() {
        return 0L;
    }

    @Override
    public String toString() {
        return "restart strategy 'none' (the job fails on its first failure)";
    }
}
