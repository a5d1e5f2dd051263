package org.millrace.runtime.cluster;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads a job's classes from its own jars before asking the framework's class loader, so a job can
 * bring its own versions of libraries the framework (or Hadoop) also has. Classes whose names start
 * with a parent-first prefix (Java, Millrace's API, logging) always come from the parent, so the
 * job and the framework agree on the types they exchange.
 */
public final class ChildFirstClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Prefixes always loaded from the framework ({@code classloader.parent-first-patterns.default}). */
    public static final List<String> PARENT_FIRST_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "org.millrace.",
            "org.slf4j.", "org.apache.logging.log4j.", "org.apache.log4j.", "com.esotericsoftware.kryo.", "org.apache.avro.",
            "org.apache.hadoop.");

    public ChildFirstClassLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isParentFirst(name)) {
                    c = super.loadClass(name, false);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInJobJars) {
                        c = super.loadClass(name, false);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    private static boolean isParentFirst(String className) {
        for (String prefix : PARENT_FIRST_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
