package org.millrace.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization of user objects (functions, operator factories) with a chosen class loader. */
public final class InstantiationUtil {

    private InstantiationUtil() {}

    public static byte[] serializeObject(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static <T> T deserializeObject(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        }
    }

    /** Serializes {@code o}, failing with a message that names {@code what} when it is not serializable. */
    public static byte[] serializeOrExplain(Object o, String what) {
        try {
            return serializeObject(o);
        } catch (NotSerializableException e) {
            throw new org.millrace.api.common.InvalidProgramException("The implementation of " + what
                    + " is not serializable: it references an object of class " + e.getMessage()
                    + ", which does not implement java.io.Serializable. Make that field transient or serializable.", e);
        } catch (IOException e) {
            throw new org.millrace.api.common.InvalidProgramException("Could not serialize " + what + ": " + e, e);
        }
    }

    /** An object stream resolving classes through a given class loader (the job's user code loader). */
    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (classLoader != null) {
                try {
                    return Class.forName(desc.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default (primitives, bootstrap classes)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
