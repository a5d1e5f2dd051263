package org.millrace.shuffle;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.shuffle.blocking.BlockingStorage;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopSpillStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the storage of blocking partitions from {@link BlockingShuffleOptions#STORAGE}: unset or a
 * plain path gives a private local directory (deleted with the TaskExecutor); a URI with a scheme
 * ({@code hdfs://}, {@code file://}, ...) gives shared storage on that Hadoop file system. Used by
 * TaskExecutors for their {@link ShuffleEnvironment} and by the JobManager to
 * {@linkplain BlockingStorage#releaseJob release a finished job's files}.
 */
public final class BlockingStorageFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingStorageFactory.class);

    /** A URI scheme of two or more characters ({@code C:\...} stays a local path). */
    private static final Pattern HAS_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private BlockingStorageFactory() {}

    /**
     * Whether {@code conf} puts blocking partitions on storage that every TaskExecutor reads (a URI
     * such as {@code hdfs://...} or {@code file:///...}) rather than a directory of each process's own.
     */
    public static boolean isShared(Configuration conf) {
        String value = conf.get(BlockingShuffleOptions.STORAGE);
        return value != null && HAS_SCHEME.matcher(value.trim()).matches();
    }

    /** From {@code conf} and this process's environment ({@code HADOOP_CONF_DIR}). */
    public static BlockingStorage create(Configuration conf) throws IOException {
        return create(conf, System.getenv());
    }

    /**
     * @param environment the process environment, for {@code HADOOP_CONF_DIR}
     * @throws IllegalConfigurationException if the option is not a path or URI, naming the key
     * @throws IOException if the Hadoop file system cannot be created
     */
    public static BlockingStorage create(Configuration conf, Map<String, String> environment) throws IOException {
        String value = conf.get(BlockingShuffleOptions.STORAGE);
        if (value == null || value.isBlank()) {
            return BlockingStorage.privateDirectory(Path.of(System.getProperty("java.io.tmpdir")));
        }
        String location = value.trim();
        if (!HAS_SCHEME.matcher(location).matches()) {
            return BlockingStorage.privateDirectory(Path.of(location));
        }
        URI uri = parse(location);
        long bufferSize = conf.get(BlockingShuffleOptions.STORAGE_BUFFER_SIZE).getBytes();
        if (bufferSize < 1024 || bufferSize > Integer.MAX_VALUE - 8) {
            throw new IllegalConfigurationException("Invalid value for '"
                    + BlockingShuffleOptions.STORAGE_BUFFER_SIZE.key() + "': " + bufferSize
                    + " bytes; use between 1 KiB and 2 GiB");
        }
        HadoopSpillStorage files = HadoopSpillStorage.open(uri, HadoopConfigurations.load(conf, environment),
                (int) bufferSize);
        LOG.info("Blocking partitions are written to {} ({})", location, files);
        return BlockingStorage.shared(files, location);
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalConfigurationException("Invalid value for '" + BlockingShuffleOptions.STORAGE.key()
                    + "': '" + value + "' is not a file system URI (" + e.getMessage() + ")", e);
        }
    }
}
