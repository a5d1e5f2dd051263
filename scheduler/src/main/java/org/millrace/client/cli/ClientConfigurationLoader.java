package org.millrace.client.cli;

import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import org.millrace.configuration.ConfigOptionRegistry;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.IllegalConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configuration a {@code flink} action runs with: {@code flink-conf.yaml} from the
 * configuration directory, then the {@code -D} properties, then the options that stand for keys
 * ({@code -m}, {@code -t}, {@code -p}, {@code -d}); later ones win. The
 * result is validated as a whole before any user code runs, so a malformed value fails the command
 * at once with the key named.
 *
 * <p>The directory is {@code FLINK_CONF_DIR}, else {@code MILLRACE_CONF_DIR}, else
 * {@code <MILLRACE_HOME>/conf}; with none of them set there is no file and only the command line counts.
 */
public final class ClientConfigurationLoader {

    public static final String ENV_FLINK_CONF_DIR = "FLINK_CONF_DIR";
    public static final String ENV_MILLRACE_CONF_DIR = "MILLRACE_CONF_DIR";
    public static final String ENV_MILLRACE_HOME = "MILLRACE_HOME";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfigurationLoader.class);

    private ClientConfigurationLoader() {}

    /** The configuration directory the environment names, if any. */
    public static Optional<String> resolveConfDir(Map<String, String> environment) {
        String dir = nonBlank(environment.get(ENV_FLINK_CONF_DIR));
        if (dir == null) {
            dir = nonBlank(environment.get(ENV_MILLRACE_CONF_DIR));
        }
        if (dir == null) {
            String home = nonBlank(environment.get(ENV_MILLRACE_HOME));
            dir = home == null ? null : Paths.get(home, "conf").toString();
        }
        return Optional.ofNullable(dir);
    }

    /**
     * The validated client configuration: the file, overridden by {@code commandLineSettings} (see
     * {@link RunOptions#configurationSettings()}). {@code parallelism.default} is always present in
     * the result (its declared default if nobody set it), so jobs run with the configured
     * parallelism rather than one per CPU core.
     *
     * @throws IllegalConfigurationException if the file is missing or malformed, or a value does not parse
     */
    public static Configuration load(Map<String, String> environment, Map<String, String> commandLineSettings) {
        Configuration fromCommandLine = Configuration.fromMap(commandLineSettings);
        Optional<String> confDir = resolveConfDir(environment);
        Configuration conf;
        if (confDir.isPresent()) {
            conf = GlobalConfiguration.loadConfiguration(confDir.get(), fromCommandLine);
        } else {
            LOG.info("No configuration directory set ({}, {}, {}); using the command line only",
                    ENV_FLINK_CONF_DIR, ENV_MILLRACE_CONF_DIR, ENV_MILLRACE_HOME);
            conf = fromCommandLine;
        }
        ConfigOptionRegistry.load(ClientConfigurationLoader.class.getClassLoader()).validate(conf);
        if (!conf.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, CoreOptions.DEFAULT_PARALLELISM.defaultValue());
        }
        return conf;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
