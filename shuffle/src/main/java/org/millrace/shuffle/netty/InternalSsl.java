package org.millrace.shuffle.netty;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.shuffle.SecurityOptions;

/**
 * TLS for the connections between a cluster's processes ({@code security.ssl.internal.*}): the
 * shuffle's data connections and the control RPC. It holds the server and the client
 * context built once from one keystore and one truststore. Both sides present the keystore's
 * certificate and require the peer's to be in the truststore (mutual authentication), as Flink's
 * internal SSL does; host names are not verified, because the peers are the cluster's own
 * processes proven by the shared certificate, not named servers.
 *
 * <p>Pitfall: the {@link SslHandler} must be the first handler of a pipeline, before the framing.
 */
public final class InternalSsl {

    private final SslContext server;
    private final SslContext client;

    private InternalSsl(SslContext server, SslContext client) {
        this.server = server;
        this.client = client;
    }

    /**
     * The TLS contexts the configuration asks for, or empty when {@code security.ssl.internal.enabled}
     * is false.
     *
     * @throws IllegalConfigurationException if a store is missing, unreadable or its password is wrong,
     *     naming the key to fix
     */
    public static Optional<InternalSsl> fromConfiguration(Configuration configuration) {
        if (!configuration.get(SecurityOptions.SSL_INTERNAL_ENABLED)) {
            return Optional.empty();
        }
        KeyStore keyStore = load(configuration, SecurityOptions.SSL_INTERNAL_KEYSTORE,
                SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD);
        KeyStore trustStore = load(configuration, SecurityOptions.SSL_INTERNAL_TRUSTSTORE,
                SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD);
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            try {
                keys.init(keyStore, required(configuration, SecurityOptions.SSL_INTERNAL_KEY_PASSWORD).toCharArray());
            } catch (UnrecoverableKeyException e) {
                throw new IllegalConfigurationException("Cannot read the key in '"
                        + configuration.get(SecurityOptions.SSL_INTERNAL_KEYSTORE) + "' with the password of '"
                        + SecurityOptions.SSL_INTERNAL_KEY_PASSWORD.key() + "': " + e.getMessage(), e);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SslContext server = SslContextBuilder.forServer(keys).trustManager(trust).clientAuth(ClientAuth.REQUIRE)
                    .sslProvider(SslProvider.JDK).build();
            SslContext client = SslContextBuilder.forClient().keyManager(keys).trustManager(trust)
                    .sslProvider(SslProvider.JDK).build();
            return Optional.of(new InternalSsl(server, client));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalConfigurationException("Cannot set up TLS for internal connections from '"
                    + SecurityOptions.SSL_INTERNAL_KEYSTORE.key() + "' and '" + SecurityOptions.SSL_INTERNAL_TRUSTSTORE.key()
                    + "': " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Configuration configuration, ConfigOption<String> pathKey, ConfigOption<String> passwordKey) {
        Path path = Path.of(required(configuration, pathKey));
        String password = required(configuration, passwordKey);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password.toCharArray());
            return store;
        } catch (NoSuchFileException e) {
            throw new IllegalConfigurationException("The file '" + path + "' of '" + pathKey.key() + "' does not exist", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalConfigurationException("Cannot open '" + path + "' of '" + pathKey.key()
                        + "': wrong password in '" + passwordKey.key() + "'", e);
            }
            throw new IllegalConfigurationException("Cannot read '" + path + "' of '" + pathKey.key() + "' with the password"
                    + " of '" + passwordKey.key() + "': " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalConfigurationException("Cannot read '" + path + "' of '" + pathKey.key() + "': " + e.getMessage(), e);
        }
    }

    private static String required(Configuration configuration, ConfigOption<String> option) {
        return configuration.getOptional(option).orElseThrow(() -> new IllegalConfigurationException("'"
                + SecurityOptions.SSL_INTERNAL_ENABLED.key() + "' is true, so '" + option.key() + "' must be set"));
    }

    /** A server-side handler for an accepted connection. */
    public SslHandler serverHandler(Channel channel) {
        return server.newHandler(channel.alloc());
    }

    /** A client-side handler for a new connection. */
    public SslHandler clientHandler(Channel channel) {
        return client.newHandler(channel.alloc());
    }
}
