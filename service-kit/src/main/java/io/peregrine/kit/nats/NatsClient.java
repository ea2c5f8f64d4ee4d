package io.peregrine.kit.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The one NATS connection of a service. It is opened in the background and reconnects forever,
 * so a service starts and stays up while NATS is down; readiness reports the connection state.
 */
@ApplicationScoped
public class NatsClient {

    private static final Logger LOG = Logger.getLogger(NatsClient.class);

    private final NatsSettings settings;
    private final String name;
    private final int replicas;
    private volatile Connection connection;

    public NatsClient(
            @ConfigProperty(name = "peregrine.nats.url", defaultValue = "nats://127.0.0.1:4222") List<String> servers,
            @ConfigProperty(name = "peregrine.nats.user") Optional<String> user,
            @ConfigProperty(name = "peregrine.nats.password") Optional<String> password,
            @ConfigProperty(name = "peregrine.nats.token") Optional<String> token,
            @ConfigProperty(name = "peregrine.nats.creds-file") Optional<String> credsFile,
            @ConfigProperty(name = "peregrine.nats.tls.enabled", defaultValue = "false") boolean tls,
            @ConfigProperty(name = "peregrine.nats.tls.truststore") Optional<String> truststore,
            @ConfigProperty(name = "peregrine.nats.tls.truststore-password") Optional<String> truststorePassword,
            @ConfigProperty(name = "peregrine.nats.tls.keystore") Optional<String> keystore,
            @ConfigProperty(name = "peregrine.nats.tls.keystore-password") Optional<String> keystorePassword,
            @ConfigProperty(name = "peregrine.nats.tls.ca-file") Optional<String> caFile,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "peregrine") String name,
            @ConfigProperty(name = "peregrine.nats.replicas", defaultValue = "1") int replicas) {
        this.settings = new NatsSettings(servers, user, password, token, credsFile, tls,
                truststore, truststorePassword, keystore, keystorePassword, caFile);
        this.name = name;
        this.replicas = replicas;
    }

    /**
     * Replicas of the streams and the KV bucket a service creates when they are missing: 1 on a
     * single server, 3 on a three-server cluster. Existing ones keep theirs.
     */
    public int replicas() {
        return replicas;
    }

    /** The connection, opened on first use; it may be reconnecting, check {@link Connection#getStatus()}. */
    public Connection connection() {
        Connection c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    c = connection = open();
                }
            }
        }
        return c;
    }

    /** Connect as the application starts, not at the first health probe. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        connection();
    }

    public boolean connected() {
        Connection c = connection;
        return c != null && c.getStatus() == Connection.Status.CONNECTED;
    }

    public NatsSettings settings() {
        return settings;
    }

    private Connection open() {
        LOG.infof("Connecting to %s", settings);
        ConnectionListener events = (conn, event) -> LOG.infof("NATS %s", event);
        ErrorListener errors = new ErrorListener() {
            @Override
            public void errorOccurred(Connection conn, String error) {
                LOG.warnf("NATS error: %s", error);
            }

            @Override
            public void exceptionOccurred(Connection conn, Exception exp) {
                LOG.debugf("NATS exception: %s", exp.toString());
            }
        };
        try {
            return Nats.connectReconnectOnConnect(settings.toOptions(name, events, errors));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot set up the NATS connection to " + settings + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to " + settings, e);
        }
    }

    @PreDestroy
    void close() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
