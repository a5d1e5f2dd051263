package org.millrace.runtime.highavailability;

import java.util.UUID;

/**
 * A component that acts only while it leads (the JobManager): it is told when it was elected, with
 * the session id that fences its orders, and when it must stop acting — at once, before anybody
 * else can be elected.
 */
public interface LeaderContender {

    /** Elected: start acting under {@code leaderSessionId}, then call {@link LeaderElection#confirmLeadership}. */
    void grantLeadership(UUID leaderSessionId);

    /** No longer (certainly) the leader: stop acting now. */
    void revokeLeadership();
}
