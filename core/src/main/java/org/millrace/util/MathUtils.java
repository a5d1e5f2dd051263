package org.millrace.util;

/** Small integer helpers for partitioning. */
public final class MathUtils {

    private MathUtils() {}

    /**
     * Spreads a hash code's bits (a 32-bit Murmur3 round plus finalizer) so that keys with similar
     * {@code hashCode()}s land in different key groups. Always non-negative.
     */
    public static int murmurHash(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        return code >= 0 ? code : (code == Integer.MIN_VALUE ? 0 : -code);
    }

    public static int roundUpToPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }
}
