package org.millrace.shuffle;

import static org.millrace.configuration.ConfigOptions.key;

import org.millrace.configuration.ConfigOption;

/**
 * Flink's options for TLS between the processes of a cluster ("internal" connections): the
 * shuffle's data connections between TaskManagers and the control RPC between the JobManager and
 * the TaskManagers. Both ends use the same keystore and truststore
 * and each authenticates the other (mutual TLS). Registered with the option registry by
 * {@link ShuffleConfigOptionProvider}.
 */
public final class SecurityOptions {

    private SecurityOptions() {}

    public static final ConfigOption<Boolean> SSL_INTERNAL_ENABLED = key("security.ssl.internal.enabled")
            .booleanType()
            .defaultValue(false)
            .withDescription("Encrypt and mutually authenticate the connections between the cluster's processes"
                    + " with TLS: the data connections between TaskManagers (the shuffle) and the control RPC between"
                    + " the JobManager and the TaskManagers. Needs 'security.ssl.internal.keystore' and"
                    + " 'security.ssl.internal.truststore' with their passwords on every process of the cluster."
                    + " The REST API is not covered.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE = key("security.ssl.internal.keystore")
            .stringType()
            .noDefaultValue()
            .withDescription("Path of the keystore (PKCS12 or JKS) holding this process's key and certificate for"
                    + " internal TLS connections.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE_PASSWORD = key("security.ssl.internal.keystore-password")
            .stringType()
            .noDefaultValue()
            .withDescription("Password of the keystore of 'security.ssl.internal.keystore'.");

    public static final ConfigOption<String> SSL_INTERNAL_KEY_PASSWORD = key("security.ssl.internal.key-password")
            .stringType()
            .noDefaultValue()
            .withDescription("Password of the key in the keystore of 'security.ssl.internal.keystore'.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE = key("security.ssl.internal.truststore")
            .stringType()
            .noDefaultValue()
            .withDescription("Path of the truststore (PKCS12 or JKS) with the certificates a peer of an internal"
                    + " TLS connection must present (usually the same certificate as in the keystore).");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE_PASSWORD = key("security.ssl.internal.truststore-password")
            .stringType()
            .noDefaultValue()
            .withDescription("Password of the truststore of 'security.ssl.internal.truststore'.");
}
