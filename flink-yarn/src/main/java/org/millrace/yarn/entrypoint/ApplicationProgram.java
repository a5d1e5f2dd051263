package org.millrace.yarn.entrypoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.client.ClientOptions;
import org.millrace.client.cli.JobResultPrinter;
import org.millrace.client.cli.PackagedProgram;
import org.millrace.client.cli.ProgramInvocationException;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.remote.RemoteExecutorFactory;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user program of an application cluster ({@code flink run-application -t yarn-application}):
 * its JAR (shipped into the ApplicationMaster's working directory), entry class and arguments, which
 * the client passes in the ApplicationMaster's environment. {@link #run} calls its {@code main()} in
 * the ApplicationMaster; each {@code execute()} submits a job to this JobManager's own REST API, as a
 * client would, and waits for its result.
 *
 * @param entryClass null: the JAR manifest's
 */
record ApplicationProgram(Path jar, String entryClass, List<String> args) {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationProgram.class);
    static final String ENV_JAR = "_MILLRACE_APPLICATION_JAR";
    static final String ENV_ENTRY_CLASS = "_MILLRACE_APPLICATION_CLASS";
    static final String ENV_ARGS = "_MILLRACE_APPLICATION_ARGS";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ApplicationMaster's environment entries that describe the program (the JAR by its file name). */
    static Map<String, String> environment(String jarFileName, String entryClass, List<String> args) {
        Map<String, String> env = new HashMap<>();
        env.put(ENV_JAR, jarFileName);
        env.put(ENV_ENTRY_CLASS, entryClass == null ? "" : entryClass);
        try {
            // YARN writes the environment into a shell script: Base64 keeps quotes and spaces of arguments intact
            env.put(ENV_ARGS, Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(args)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the program arguments as JSON", e);
        }
        return env;
    }

    /** The program the environment describes (JAR relative to the working directory). */
    static ApplicationProgram fromEnvironment(Map<String, String> env) throws IOException {
        String entryClass = env.getOrDefault(ENV_ENTRY_CLASS, "");
        return new ApplicationProgram(Paths.get(env.get(ENV_JAR)).toAbsolutePath(), entryClass.isEmpty() ? null : entryClass,
                JSON.readValue(Base64.getDecoder().decode(env.getOrDefault(ENV_ARGS, "")), new TypeReference<List<String>>() {}));
    }

    /**
     * Calls the program's {@code main()} with the cluster's configuration, its jobs going to the REST
     * API at {@code restHost:restPort} attached; returns how many jobs it ran.
     *
     * @throws ProgramInvocationException if {@code main()} fails (e.g. a job failed) or ran no job
     */
    int run(Configuration clusterConfiguration, String restHost, int restPort) throws ProgramInvocationException {
        Configuration configuration = new Configuration(clusterConfiguration);
        configuration.set(DeploymentOptions.TARGET, RemoteExecutorFactory.NAME);
        configuration.set(DeploymentOptions.ATTACHED, true);
        configuration.set(RestClientOptions.ADDRESS, restHost);
        configuration.set(RestClientOptions.PORT, restPort);
        configuration.set(ClientOptions.PIPELINE_JARS, List.of(jar.toString()));
        try (PackagedProgram program = PackagedProgram.fromJar(jar.toString(), entryClass,
                ApplicationProgram.class.getClassLoader())) {
            LOG.info("Running the application's main() in the ApplicationMaster");
            return program.run(configuration, args, new JobResultPrinter(System.out));
        }
    }
}
