package org.millrace.configuration;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link ConfigOption} known on the classpath: the built-in option holders of {@code core} plus
 * those that other modules add through {@link ConfigOptionProvider}. Use it to check a whole
 * {@link Configuration} once at startup ({@link #validate}) instead of failing later, deep inside a
 * job, when a value is first read; and to generate the docs.
 *
 * <p>Building a registry reads the holders' static fields reflectively; do it once per process, not
 * per job or task.
 */
public final class ConfigOptionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigOptionRegistry.class);

    private static final List<Class<?>> BUILT_IN_HOLDERS = List.of(
            CheckpointingOptions.class,
            CoreOptions.class,
            DeploymentOptions.class,
            ExecutionOptions.class,
            org.millrace.streaming.api.environment.ExecutionCheckpointingOptions.class,
            NettyShuffleEnvironmentOptions.class,
            PipelineOptions.class,
            SavepointConfigOptions.class,
            StateBackendOptions.class,
            TaskManagerOptions.class);

    /** Holder class to its options sorted by key; holders sorted by simple name. */
    private final Map<Class<?>, List<ConfigOption<?>>> optionsByHolder;
    /** Main and fallback keys to their option. */
    private final Map<String, ConfigOption<?>> optionsByKey;

    private ConfigOptionRegistry(Collection<Class<?>> holders) {
        Map<Class<?>, List<ConfigOption<?>>> byHolder = new LinkedHashMap<>();
        Map<String, ConfigOption<?>> byKey = new HashMap<>();
        Map<String, Class<?>> declaringHolder = new HashMap<>();
        holders.stream()
                .distinct()
                .sorted(Comparator.comparing(Class::getSimpleName))
                .forEach(holder -> {
                    List<ConfigOption<?>> options = optionsDeclaredIn(holder);
                    for (ConfigOption<?> option : options) {
                        register(option.key(), option, holder, byKey, declaringHolder);
                        for (FallbackKey fallback : option.fallbackKeys()) {
                            register(fallback.key(), option, holder, byKey, declaringHolder);
                        }
                    }
                    byHolder.put(holder, options);
                });
        this.optionsByHolder = Collections.unmodifiableMap(byHolder);
        this.optionsByKey = Map.copyOf(byKey);
    }

    /** The built-in holders plus those of every {@link ConfigOptionProvider} visible to this class's loader. */
    public static ConfigOptionRegistry load() {
        return load(ConfigOptionRegistry.class.getClassLoader());
    }

    /** The built-in holders plus those of every {@link ConfigOptionProvider} visible to {@code classLoader}. */
    public static ConfigOptionRegistry load(ClassLoader classLoader) {
        Set<Class<?>> holders = new LinkedHashSet<>(BUILT_IN_HOLDERS);
        for (ConfigOptionProvider provider : ServiceLoader.load(ConfigOptionProvider.class, classLoader)) {
            holders.addAll(provider.optionHolders());
        }
        return new ConfigOptionRegistry(holders);
    }

    /** A registry of exactly the given holder classes. */
    public static ConfigOptionRegistry of(Collection<Class<?>> holders) {
        return new ConfigOptionRegistry(holders);
    }

    /** The option read under {@code key}, which may be its main key or a fallback key. */
    public Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(optionsByKey.get(key));
    }

    /** Holder classes (sorted by simple name) with their options (sorted by key). */
    public Map<Class<?>, List<ConfigOption<?>>> optionsByHolder() {
        return optionsByHolder;
    }

    /**
     * Parses every value in {@code conf} whose key belongs to a known option, in key order, and
     * logs a warning for each unknown key (unknown keys are allowed: they may belong to a component
     * that is not on this classpath).
     *
     * @return the unknown keys, sorted
     * @throws IllegalConfigurationException for the first value (in key order) that does not parse
     */
    public Set<String> validate(Configuration conf) {
        Set<String> unknown = new TreeSet<>();
        for (String key : new TreeSet<>(conf.keySet())) {
            ConfigOption<?> option = optionsByKey.get(key);
            if (option == null) {
                LOG.warn("Unknown configuration key '{}'", key);
                unknown.add(key);
            } else {
                conf.checkValueAt(option, key);
                if (!key.equals(option.key())) {
                    Configuration.warnIfDeprecated(option, key);
                }
            }
        }
        return unknown;
    }

    private static void register(String key, ConfigOption<?> option, Class<?> holder,
            Map<String, ConfigOption<?>> byKey, Map<String, Class<?>> declaringHolder) {
        ConfigOption<?> existing = byKey.putIfAbsent(key, option);
        if (existing != null && !existing.equals(option)) {
            throw new IllegalStateException("Configuration key '" + key + "' is declared twice, in "
                    + declaringHolder.get(key).getName() + " and " + holder.getName());
        }
        declaringHolder.putIfAbsent(key, holder);
    }

    private static List<ConfigOption<?>> optionsDeclaredIn(Class<?> holder) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read option " + holder.getName() + "." + field.getName(), e);
                }
            }
        }
        return options.stream().distinct().sorted(Comparator.comparing(ConfigOption::key)).toList();
    }
}
