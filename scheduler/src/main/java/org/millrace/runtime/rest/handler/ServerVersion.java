package org.millrace.runtime.rest.handler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Millrace version the dashboard and {@code GET /config} show, read from the Maven metadata that
 * every Millrace JAR carries; {@code "unknown"} when running from class directories.
 */
public final class ServerVersion {

    private static final String POM_PROPERTIES = "META-INF/maven/org.millrace/millrace-core/pom.properties";
    private static final String VERSION = readVersion();

    private ServerVersion() {}

    public static String version() {
        return VERSION;
    }

    /** The source revision; not recorded in the build yet. */
    public static String revision() {
        return "unknown";
    }

    private static String readVersion() {
        try (InputStream in = ServerVersion.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
