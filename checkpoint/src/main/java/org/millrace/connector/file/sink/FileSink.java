package org.millrace.connector.file.sink;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.millrace.api.common.serialization.Encoder;
import org.millrace.api.connector.sink2.SinkWriter;
import org.millrace.api.connector.sink2.StatefulSink;
import org.millrace.api.connector.sink2.WriterInitContext;
import org.millrace.configuration.Configuration;

/**
 * Writes a stream to files in a directory on any Hadoop file system ({@code file://},
 * {@code hdfs://}), exactly once when the job checkpoints: each subtask writes a hidden in-progress
 * part file, seals it when a checkpoint is taken and renames it to its final name
 * ({@code part-<subtask>-<writer>-<n>}) only when that checkpoint completed. After a failure the
 * sealed files of the restored checkpoint are committed and the rest is dropped, so readers (which
 * skip hidden files, as Hadoop's and Spark's input formats do) never see uncommitted or duplicated
 * records. Without checkpoints every part is committed when the input ends.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat("hdfs:///out/counts", new SimpleStringEncoder<Tuple2<String, Long>>()).build());
 * }</pre>
 */
public final class FileSink<IN> implements StatefulSink<IN> {

    private static final long serialVersionUID = 1L;

    private final String basePath;
    private final Encoder<IN> encoder;
    private final Configuration hadoopSettings;

    private FileSink(String basePath, Encoder<IN> encoder, Configuration hadoopSettings) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.hadoopSettings = hadoopSettings;
    }

    /**
     * A sink writing each element with {@code encoder} into files below {@code basePath}, a file
     * system URI (a path without a scheme means the local file system).
     */
    public static <IN> RowFormatBuilder<IN> forRowFormat(String basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return new FileSinkWriter<>(uri(), encoder, hadoopSettings, context, null);
    }

    @Override
    public SinkWriter<IN> restoreWriter(WriterInitContext context, List<byte[]> restoredState) throws IOException {
        return new FileSinkWriter<>(uri(), encoder, hadoopSettings, context, restoredState);
    }

    private URI uri() {
        URI uri = URI.create(basePath);
        return uri.getScheme() == null ? new java.io.File(basePath).getAbsoluteFile().toURI() : uri;
    }

    /** Builds a {@link FileSink} of a row format. */
    public static final class RowFormatBuilder<IN> {
        private final String basePath;
        private final Encoder<IN> encoder;
        private final Configuration hadoopSettings = new Configuration();

        private RowFormatBuilder(String basePath, Encoder<IN> encoder) {
            this.basePath = basePath;
            this.encoder = encoder;
        }

        /** Hadoop settings for the file system client ({@code flink.hadoop.*} keys, as in the cluster's config). */
        public RowFormatBuilder<IN> withHadoopSetting(String key, String value) {
            hadoopSettings.setString(key, value);
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(basePath, encoder, hadoopSettings);
        }
    }
}
