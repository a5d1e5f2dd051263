package org.millrace.client.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.millrace.configuration.Configuration;

/**
 * Deploys an application cluster for {@code flink run-application -t <target>}: a cluster whose
 * JobManager runs the program's {@code main()} itself, so the client only ships the JAR and returns
 * once the cluster runs. Implementations (e.g. {@code yarn-application} in flink-yarn) are found
 * through {@link java.util.ServiceLoader} by {@link #getName()}.
 */
public interface ApplicationClusterDeployer {

    /** The {@code execution.target} this deployer serves. */
    String getName();

    /**
     * Deploys the cluster and returns once it runs, having told the user where on {@code out}.
     *
     * @param entryClass the class whose {@code main} the cluster calls; null: the JAR manifest's
     */
    void deploy(Configuration configuration, Path jar, String entryClass, List<String> programArgs, PrintStream out)
            throws Exception;
}
