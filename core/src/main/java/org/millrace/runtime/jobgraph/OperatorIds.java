package org.millrace.runtime.jobgraph;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Operator ids: 32 hex digits under which an operator's state is kept in checkpoints and
 * savepoints. From the {@code uid} the user set, the id survives any change to the program around
 * the operator; a generated one (from the operator's position in the program) only survives
 * resubmitting the same program, which is why Flink's advice to set uids on stateful operators
 * holds here too.
 */
public final class OperatorIds {

    private OperatorIds() {}

    public static String fromUid(String uid) {
        return hash("uid:" + uid);
    }

    public static String generated(int nodeId) {
        return hash("node:" + nodeId);
    }

    private static String hash(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
