package org.millrace.yarn.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.millrace.configuration.Configuration;
import org.millrace.yarn.configuration.YarnConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hadoop configuration a client deploys with: the {@code *-site.xml} files of
 * {@code env.hadoop.conf.dir}, else of {@code $HADOOP_CONF_DIR}, else of {@code $YARN_CONF_DIR}, on top
 * of whatever the class path holds, so the same code finds a real cluster and a test's mini cluster.
 */
public final class HadoopConfigurations {

    private static final Logger LOG = LoggerFactory.getLogger(HadoopConfigurations.class);
    private static final String[] FILES = {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"};

    private HadoopConfigurations() {}

    public static YarnConfiguration load(Configuration configuration) {
        YarnConfiguration yarn = new YarnConfiguration();
        Optional<String> dir = configuration.getOptional(YarnConfigOptions.HADOOP_CONF_DIR)
                .or(() -> Optional.ofNullable(System.getenv("HADOOP_CONF_DIR")))
                .or(() -> Optional.ofNullable(System.getenv("YARN_CONF_DIR")));
        if (dir.isEmpty()) {
            LOG.info("No Hadoop configuration directory (env.hadoop.conf.dir, HADOOP_CONF_DIR, YARN_CONF_DIR): using the"
                    + " class path only");
            return yarn;
        }
        Stream.of(FILES).map(name -> Paths.get(dir.get(), name)).filter(Files::isRegularFile).forEach((Path file) -> {
            LOG.info("Reading Hadoop configuration {}", file);
            yarn.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
        });
        return yarn;
    }
}
