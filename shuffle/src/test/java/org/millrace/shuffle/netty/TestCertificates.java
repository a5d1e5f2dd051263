package org.millrace.shuffle.netty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.millrace.configuration.Configuration;
import org.millrace.shuffle.SecurityOptions;

/**
 * Key and trust stores made at test time with the JDK's {@code keytool} (no secrets checked in): an
 * identity is a PKCS12 keystore with a fresh self-signed key pair and a truststore holding only its
 * certificate, as a cluster's internal TLS is set up.
 */
public final class TestCertificates {

    public static final String STORE_PASSWORD = "store-secret";
    public static final String TRUST_PASSWORD = "trust-secret";

    private TestCertificates() {}

    /** The {@code security.ssl.internal.*} options of a new identity {@code name}, in {@code dir}. */
    public static Configuration identity(Path dir, String name) throws IOException, InterruptedException {
        Path keystore = dir.resolve(name + "-keystore.p12");
        Path certificate = dir.resolve(name + ".cer");
        Path truststore = dir.resolve(name + "-truststore.p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", name, "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", TRUST_PASSWORD);
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keystore.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, STORE_PASSWORD);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEY_PASSWORD, STORE_PASSWORD);
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, truststore.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, TRUST_PASSWORD);
        return configuration;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
    }
}
