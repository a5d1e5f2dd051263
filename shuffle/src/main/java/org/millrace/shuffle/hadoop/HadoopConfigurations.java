package org.millrace.shuffle.hadoop;

import java.io.File;
import java.util.Map;
import org.millrace.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Hadoop configuration Millrace's Hadoop clients use, as Flink does: Hadoop's defaults
 * and whatever {@code *-site.xml} is on the class path, then {@code core-site.xml} and
 * {@code hdfs-site.xml} from {@code $HADOOP_CONF_DIR} when set, then every {@code flink.hadoop.<key>}
 * of the Millrace configuration as {@code <key>} (e.g. {@code flink.hadoop.dfs.replication: 2}),
 * which wins over the files.
 */
public final class HadoopConfigurations {

    private static final Logger LOG = LoggerFactory.getLogger(HadoopConfigurations.class);

    /** Prefix of Millrace configuration keys that are copied into the Hadoop configuration without it. */
    public static final String FLINK_HADOOP_PREFIX = "flink.hadoop.";

    private static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml"};

    private HadoopConfigurations() {}

    /** From this process's environment ({@code HADOOP_CONF_DIR}) and {@code conf}. */
    public static org.apache.hadoop.conf.Configuration load(Configuration conf) {
        return load(conf, System.getenv());
    }

    /**
     * @param environment the process environment to read {@code HADOOP_CONF_DIR} from
     */
    public static org.apache.hadoop.conf.Configuration load(Configuration conf, Map<String, String> environment) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        String confDir = environment.get("HADOOP_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            for (String name : SITE_FILES) {
                File file = new File(confDir, name);
                if (file.isFile()) {
                    hadoop.addResource(new org.apache.hadoop.fs.Path(file.getAbsolutePath()));
                    LOG.debug("Added Hadoop configuration file {}", file);
                }
            }
        }
        for (String key : conf.keySet()) {
            if (key.startsWith(FLINK_HADOOP_PREFIX) && key.length() > FLINK_HADOOP_PREFIX.length()) {
                hadoop.set(key.substring(FLINK_HADOOP_PREFIX.length()), conf.getString(key, null));
            }
        }
        return hadoop;
    }
}
