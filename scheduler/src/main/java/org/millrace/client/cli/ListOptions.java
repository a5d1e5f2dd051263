package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code flink list} was asked to show, as parsed by {@link CliOptionsParser}. Without any of
 * {@code -r}, {@code -s}, {@code -a} it shows running and scheduled jobs, as Flink does.
 *
 * @param running {@code -r}: running jobs
 * @param scheduled {@code -s}: jobs created but not running yet
 * @param all {@code -a}: running, scheduled and ended jobs
 */
public record ListOptions(
        boolean running,
        boolean scheduled,
        boolean all,
        ClusterTarget target,
        Map<String, String> dynamicProperties,
        boolean help) {

    public ListOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
    }

    /** Whether running jobs are shown. */
    public boolean showRunning() {
        return running || all || nothingChosen();
    }

    /** Whether scheduled (created, not yet running) jobs are shown. */
    public boolean showScheduled() {
        return scheduled || all || nothingChosen();
    }

    /** Whether ended jobs are shown. */
    public boolean showTerminated() {
        return all;
    }

    private boolean nothingChosen() {
        return !running && !scheduled && !all;
    }

    /** The configuration the command line sets: {@code -D}, then {@code -m} and {@code -t}. */
    public Map<String, String> configurationSettings() {
        return target.over(dynamicProperties);
    }
}
