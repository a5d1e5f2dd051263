package org.millrace.configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the cluster-wide configuration file from a configuration directory: {@code flink-conf.yaml}
 * (Flink's classic flat {@code key: value} file) or {@code config.yaml} (Flink's newer name, which
 * may also nest keys). The directory itself ({@code FLINK_CONF_DIR} / {@code MILLRACE_CONF_DIR} or
 * {@code conf/}) is resolved by the caller.
 *
 * <p>If both files exist, loading fails rather than silently ignoring one of them.
 */
public final class GlobalConfiguration {

    public static final String LEGACY_FLINK_CONF_FILENAME = "flink-conf.yaml";
    public static final String FLINK_CONF_FILENAME = "config.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);

    private GlobalConfiguration() {}

    /** Reads the configuration file in {@code confDir}. */
    public static Configuration loadConfiguration(String confDir) {
        return loadConfiguration(confDir, null);
    }

    /**
     * Reads the configuration file in {@code confDir}, then applies {@code dynamicProperties} (for
     * example {@code -Dkey=value} from the command line) on top, so they win over the file.
     *
     * @param dynamicProperties may be null
     * @throws IllegalConfigurationException if the directory or file is missing, unreadable or malformed
     */
    public static Configuration loadConfiguration(String confDir, Configuration dynamicProperties) {
        Objects.requireNonNull(confDir, "confDir: the caller resolves FLINK_CONF_DIR / MILLRACE_CONF_DIR");
        Path dir = Paths.get(confDir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalConfigurationException(
                    "The configuration directory '" + dir.toAbsolutePath() + "' does not exist or is not a directory");
        }
        Path file = configFileIn(dir);
        Configuration conf = Configuration.fromMap(readFile(file));
        LOG.info("Loaded {} configuration keys from {}", conf.keySet().size(), file);
        if (LOG.isDebugEnabled()) {
            conf.toMap().forEach((k, v) -> LOG.debug("  {}: {}", k, SensitiveValues.forDisplay(k, v)));
        }
        if (dynamicProperties != null) {
            conf.addAll(dynamicProperties);
        }
        return conf;
    }

    private static Path configFileIn(Path dir) {
        Path legacy = dir.resolve(LEGACY_FLINK_CONF_FILENAME);
        Path current = dir.resolve(FLINK_CONF_FILENAME);
        boolean hasLegacy = Files.isRegularFile(legacy);
        boolean hasCurrent = Files.isRegularFile(current);
        if (hasLegacy && hasCurrent) {
            throw new IllegalConfigurationException("Both " + LEGACY_FLINK_CONF_FILENAME + " and " + FLINK_CONF_FILENAME
                    + " exist in '" + dir.toAbsolutePath() + "'; keep only one of them");
        }
        if (!hasLegacy && !hasCurrent) {
            throw new IllegalConfigurationException("No configuration file in '" + dir.toAbsolutePath()
                    + "': expected " + LEGACY_FLINK_CONF_FILENAME + " or " + FLINK_CONF_FILENAME);
        }
        return hasLegacy ? legacy : current;
    }

    private static Map<String, String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Could not read configuration file " + file.toAbsolutePath(), e);
        }
        return YamlConfigReader.read(lines, file.toAbsolutePath().toString());
    }
}
