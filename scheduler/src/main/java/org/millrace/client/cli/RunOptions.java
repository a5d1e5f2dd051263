package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.DeploymentOptions;

/**
 * What {@code flink run} was asked to do, as parsed by {@link CliOptionsParser}.
 *
 * @param jarFile path of the user's JAR file; null only when {@code help} is set
 * @param entryClass the class whose {@code main} to call ({@code -c}); null means "from the manifest"
 * @param parallelism the {@code -p} value; null when not given
 * @param detached whether {@code -d} was given
 * @param target the {@code -m} and {@code -t} options
 * @param dynamicProperties {@code -D key=value} pairs in command-line order
 * @param programArgs the arguments after the JAR file, passed to {@code main} unchanged
 * @param help whether {@code -h}/{@code --help} was given
 */
public record RunOptions(
        String jarFile,
        String entryClass,
        Integer parallelism,
        boolean detached,
        ClusterTarget target,
        Map<String, String> dynamicProperties,
        List<String> programArgs,
        boolean help) {

    public RunOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
        programArgs = List.copyOf(programArgs);
    }

    /** The options of a {@code flink run --help} call. */
    static RunOptions helpOnly() {
        return new RunOptions(null, null, null, false, ClusterTarget.CONFIGURED, Map.of(), List.of(), true);
    }

    /**
     * The configuration the command line sets, to be applied over {@code flink-conf.yaml}: the
     * {@code -D} properties, then what {@code -m}, {@code -t}, {@code -p} and {@code -d} stand for
     * (so an option wins over a {@code -D} of the same key).
     */
    public Map<String, String> configurationSettings() {
        Map<String, String> settings = target.over(dynamicProperties);
        if (parallelism != null) {
            settings.put(CoreOptions.DEFAULT_PARALLELISM.key(), parallelism.toString());
        }
        if (detached) {
            settings.put(DeploymentOptions.ATTACHED.key(), "false");
        }
        return settings;
    }
}
