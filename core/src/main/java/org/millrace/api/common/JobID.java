package org.millrace.api.common;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifies a job: 16 random bytes, printed as 32 lower-case hex digits as Flink does. */
public final class JobID implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private JobID(byte[] bytes) {
        this.bytes = bytes;
    }

    public static JobID generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new JobID(b);
    }

    /** Parses 32 hex digits; throws {@link IllegalArgumentException} naming the bad input otherwise. */
    public static JobID fromHexString(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("Not a job id (expected 32 hex digits): '" + hex + "'");
        }
        return new JobID(HexFormat.of().parseHex(hex.toLowerCase()));
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
