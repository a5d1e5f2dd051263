package org.millrace.benchmarks.jmh;

/**
 * A POJO event for the serialization benchmarks: public no-argument constructor and public
 * non-final fields, so the type extractor gives it Millrace's field-by-field POJO serializer. Its
 * fields are those of {@link PageViewValue}, the Avro schema and the {@code Row} of
 * {@link RecordType}, so the type classes are compared on the same payload.
 */
public class PageView {

    public long userId;
    public String url;
    public long timestamp;
    public int durationMillis;

    public PageView() {}

    public PageView(long userId, String url, long timestamp, int durationMillis) {
        this.userId = userId;
        this.url = url;
        this.timestamp = timestamp;
        this.durationMillis = durationMillis;
    }
}
