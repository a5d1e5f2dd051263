package org.millrace.yarn.client;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Properties;
import org.millrace.configuration.Configuration;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * The file in which {@code yarn-session.sh} leaves its application id ({@code applicationID}, as
 * Flink writes it) for later {@code flink run} calls: {@code .yarn-properties-<user>} in
 * {@code yarn.properties-file.location}, else in {@code java.io.tmpdir}.
 */
public final class YarnPropertiesFile {

    static final String APPLICATION_ID = "applicationID";

    private final Path file;

    public YarnPropertiesFile(Configuration configuration) {
        String dir = configuration.getOptional(YarnConfigOptions.PROPERTIES_FILE_LOCATION)
                .orElse(System.getProperty("java.io.tmpdir"));
        this.file = Paths.get(dir, ".yarn-properties-" + System.getProperty("user.name"));
    }

    public Path path() {
        return file;
    }

    public void write(String applicationId) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(APPLICATION_ID, applicationId);
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Millrace YARN session (yarn-session.sh)");
        }
    }

    /** The session's application id, if the file exists and names one. */
    public Optional<String> readApplicationId() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.ofNullable(properties.getProperty(APPLICATION_ID)).filter(id -> !id.isBlank());
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
