package org.millrace.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.StateBackendOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the keyed state backends of a task's operators as {@code state.backend.type} says:
 * {@code hashmap} (or {@code heap}) is built in, other names are looked up among the
 * {@link KeyedStateBackendFactory} services on the class path. Resolved once per task, so a bad
 * value fails the deployment naming the key rather than the first keyed record.
 */
public final class KeyedStateBackendLoader {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedStateBackendLoader.class);

    /** Heap backends, for tasks that take no checkpoints and for tests. */
    public static final KeyedStateBackendLoader HEAP = new KeyedStateBackendLoader(null, new Configuration());

    private final KeyedStateBackendFactory factory;
    private final Configuration configuration;

    private KeyedStateBackendLoader(KeyedStateBackendFactory factory, Configuration configuration) {
        this.factory = factory;
        this.configuration = configuration;
    }

    /**
     * The loader {@code configuration} selects.
     *
     * @throws IllegalConfigurationException if {@code state.backend.type} names no known backend, naming the key
     */
    public static KeyedStateBackendLoader fromConfiguration(Configuration configuration, ClassLoader classLoader) {
        String type = configuration.get(StateBackendOptions.STATE_BACKEND).trim().toLowerCase(Locale.ROOT);
        if (type.equals("hashmap") || type.equals("heap")) {
            return new KeyedStateBackendLoader(null, configuration);
        }
        List<String> known = new ArrayList<>(List.of("hashmap"));
        for (KeyedStateBackendFactory candidate : ServiceLoader.load(KeyedStateBackendFactory.class, classLoader)) {
            if (candidate.name().equals(type)) {
                LOG.debug("Keyed state backend '{}' from {}", type, candidate.getClass().getName());
                return new KeyedStateBackendLoader(candidate, configuration);
            }
            known.add(candidate.name());
        }
        throw new IllegalConfigurationException("Invalid value for '" + StateBackendOptions.STATE_BACKEND.key() + "': '"
                + configuration.get(StateBackendOptions.STATE_BACKEND) + "'; expected one of " + String.join(", ", known)
                + (type.equals("rocksdb") ? " (rocksdb needs Millrace's checkpoint module on the class path)" : ""));
    }

    /** The name of the backends this loader creates. */
    public String backendName() {
        return factory == null ? "hashmap" : factory.name();
    }

    /** A new backend for one operator instance. */
    public <K> KeyedStateBackend<K> create(String operatorIdentifier, KeyGroupRange keyGroupRange, int maxParallelism,
                                           TypeSerializer<K> keySerializer) {
        if (factory == null) {
            return new HeapKeyedStateBackend<>(keyGroupRange, maxParallelism, keySerializer);
        }
        try {
            return factory.create(new KeyedStateBackendParameters<>(operatorIdentifier, keyGroupRange, maxParallelism,
                    keySerializer, configuration));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the " + factory.name() + " state backend of "
                    + operatorIdentifier + ": " + e.getMessage(), e);
        }
    }
}
