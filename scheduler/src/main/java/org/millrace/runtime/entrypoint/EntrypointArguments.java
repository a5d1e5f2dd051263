package org.millrace.runtime.entrypoint;

import java.util.HashMap;
import java.util.Map;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.IllegalConfigurationException;

/**
 * The command line of the cluster processes, as {@code bin/jobmanager.sh} and
 * {@code bin/taskmanager.sh} pass it: {@code --configDir <dir>} and any number of
 * {@code -D key=value} (or {@code -Dkey=value}) overriding the file.
 */
public record EntrypointArguments(String configDir, Map<String, String> dynamicProperties) {

    /** @throws IllegalConfigurationException naming the bad argument and the expected form */
    public static EntrypointArguments parse(String process, String[] args) {
        String configDir = System.getenv("FLINK_CONF_DIR");
        Map<String, String> dynamic = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--configDir") || arg.equals("-c")) {
                configDir = value(process, args, ++i, arg);
            } else if (arg.equals("-D")) {
                addProperty(process, dynamic, value(process, args, ++i, arg));
            } else if (arg.startsWith("-D")) {
                addProperty(process, dynamic, arg.substring(2));
            } else {
                throw new IllegalConfigurationException("Unknown argument '" + arg + "' of the " + process
                        + "; expected --configDir <dir> and -D key=value");
            }
        }
        if (configDir == null) {
            throw new IllegalConfigurationException("The " + process + " needs --configDir <dir> (or FLINK_CONF_DIR)");
        }
        return new EntrypointArguments(configDir, dynamic);
    }

    private static String value(String process, String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalConfigurationException("Argument " + flag + " of the " + process + " needs a value");
        }
        return args[i];
    }

    private static void addProperty(String process, Map<String, String> target, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalConfigurationException("Dynamic property '" + keyValue + "' of the " + process
                    + " is not of the form key=value");
        }
        target.put(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1).trim());
    }

    /** The configuration file of {@link #configDir} with the dynamic properties on top. */
    public Configuration loadConfiguration() {
        return GlobalConfiguration.loadConfiguration(configDir, Configuration.fromMap(dynamicProperties));
    }
}
