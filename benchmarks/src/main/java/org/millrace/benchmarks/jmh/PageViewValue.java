package org.millrace.benchmarks.jmh;

/**
 * The {@link PageView} payload as an immutable value class (final fields, no no-argument
 * constructor): not a POJO, so the type extractor falls back to Kryo for it, which is what the
 * serialization benchmark measures as the Kryo type class.
 */
public final class PageViewValue {

    private final long userId;
    private final String url;
    private final long timestamp;
    private final int durationMillis;

    public PageViewValue(long userId, String url, long timestamp, int durationMillis) {
        this.userId = userId;
        this.url = url;
        this.timestamp = timestamp;
        this.durationMillis = durationMillis;
    }

    public long userId() {
        return userId;
    }

    public String url() {
        return url;
    }

    public long timestamp() {
        return timestamp;
    }

    public int durationMillis() {
        return durationMillis;
    }
}
