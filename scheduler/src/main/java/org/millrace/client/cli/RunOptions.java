package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code flink run} was asked to do, as parsed by {@link CliOptionsParser}.
 *
 * @param jarFile path of the user's JAR file; null only when {@code help} is set
 * @param entryClass the class whose {@code main} to call ({@code -c}); null means "from the manifest"
 * @param parallelism the {@code -p} value; null when not given
 * @param detached whether {@code -d} was given
 * @param dynamicProperties {@code -D key=value} pairs in command-line order
 * @param programArgs the arguments after the JAR file, passed to {@code main} unchanged
 * @param help whether {@code -h}/{@code --help} was given
 */
public record RunOptions(
        String jarFile,
        String entryClass,
        Integer parallelism,
        boolean detached,
        Map<String, String> dynamicProperties,
        List<String> programArgs,
        boolean help) {

    public RunOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
        programArgs = List.copyOf(programArgs);
    }

    /** The options of a {@code flink run --help} call. */
    static RunOptions helpOnly() {
        return new RunOptions(null, null, null, false, Map.of(), List.of(), true);
    }
}
