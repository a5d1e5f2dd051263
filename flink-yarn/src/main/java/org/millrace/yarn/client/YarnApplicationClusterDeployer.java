package org.millrace.yarn.client;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.millrace.client.cli.ApplicationClusterDeployer;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.yarn.client.YarnClusterDescriptor.YarnApplication;
import org.millrace.yarn.entrypoint.YarnApplicationMasterEntrypoint;

/**
 * {@code flink run-application -t yarn-application}: deploys a YARN application whose
 * ApplicationMaster ({@link YarnApplicationMasterEntrypoint}) runs the program's {@code main()}; the
 * JAR travels in the staging directory, the entry class and arguments in the ApplicationMaster's
 * environment. Returns once the application runs; it ends when {@code main()} returns (SUCCEEDED)
 * or fails (FAILED).
 */
public final class YarnApplicationClusterDeployer implements ApplicationClusterDeployer {

    public static final String NAME = "yarn-application";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void deploy(Configuration configuration, Path jar, String entryClass, List<String> programArgs, PrintStream out)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalConfigurationException("The program's JAR file " + jar + " does not exist");
        }
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration, out)) {
            YarnApplication application = descriptor.deploy(NAME, List.of(jar),
                    YarnApplicationMasterEntrypoint.applicationEnvironment(jar.getFileName().toString(), entryClass,
                            programArgs));
            out.println("The program runs in YARN application " + application.applicationId() + "; to stop it: yarn"
                    + " application -kill " + application.applicationId());
            out.flush();
        }
    }
}
