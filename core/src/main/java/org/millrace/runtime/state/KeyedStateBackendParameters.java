package org.millrace.runtime.state;

import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.configuration.Configuration;

/**
 * What a {@link KeyedStateBackendFactory} needs to create the backend of one operator instance.
 *
 * @param operatorIdentifier names the instance in logs and local file names, e.g. {@code "Counts (2/4)"}
 * @param configuration the TaskManager's configuration with the job's {@code state.backend.*} settings on top
 */
public record KeyedStateBackendParameters<K>(String operatorIdentifier, KeyGroupRange keyGroupRange,
                                             int maxParallelism, TypeSerializer<K> keySerializer,
                                             Configuration configuration) {}
