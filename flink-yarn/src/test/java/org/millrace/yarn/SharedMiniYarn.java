package org.millrace.yarn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link MiniYarnEnvironment} for all YARN test classes of a test run (starting and
 * stopping the miniclusters costs about a minute), passes it to test methods and stops it when the run ends.
 */
final class SharedMiniYarn implements BeforeAllCallback, ParameterResolver {

    private static MiniYarnEnvironment environment;

    /** Test methods get the environment as a {@link MiniYarnEnvironment} parameter. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MiniYarnEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedMiniYarn.class, key -> {
            try {
                Path workDir = Files.createDirectories(Paths.get("target", "mini-yarn"));
                environment = new MiniYarnEnvironment(Files.createTempDirectory(workDir, "run-"), "millrace-yarn-tests");
                System.out.println("MiniDFSCluster + MiniYARNCluster started in " + environment.startup.toMillis() + " ms");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start MiniDFSCluster + MiniYARNCluster", e);
            }
            return (ExtensionContext.Store.CloseableResource) environment::close;
        }, ExtensionContext.Store.CloseableResource.class);
    }
}
