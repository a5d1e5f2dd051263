package org.millrace.runtime.highavailability;

import java.util.UUID;

/** Told where the current leader is (TaskManagers and clients follow it), or that there is none right now. */
public interface LeaderRetrievalListener {

    /** @param address the leader's address, null while there is no leader; @param leaderSessionId its fencing token */
    void notifyLeaderAddress(String address, UUID leaderSessionId);
}
