package io.peregrine.kit.nats;

import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a service reaches NATS: servers, credentials and TLS, all from configuration so that a
 * secured cluster needs no code change. At most one credential kind is used; the first present
 * in the order creds file, token, user/password wins.
 */
public record NatsSettings(
        List<String> servers,
        Optional<String> user,
        Optional<String> password,
        Optional<String> token,
        Optional<String> credsFile,
        boolean tls,
        Optional<String> truststore,
        Optional<String> truststorePassword,
        Optional<String> keystore,
        Optional<String> keystorePassword,
        Optional<String> caFile) {

    public NatsSettings {
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("peregrine.nats.url: at least one NATS server URL is required");
        }
        servers = List.copyOf(servers);
    }

    public static NatsSettings plain(String url) {
        return new NatsSettings(List.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The jnats options for these settings; reconnects forever, since an outage must be survived. */
    public Options toOptions(String connectionName, ConnectionListener connections, ErrorListener errors) {
        Options.Builder b = new Options.Builder()
                .servers(servers.toArray(String[]::new))
                .connectionName(connectionName)
                // Replies (JetStream API answers, pulled events and alerts, KV reads) come to inboxes
                // of this service's own: NATS permissions let each user subscribe to its own only.
                .inboxPrefix(inboxPrefix(connectionName))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(5))
                .pingInterval(Duration.ofSeconds(10));
        if (connections != null) {
            b.connectionListener(connections);
        }
        if (errors != null) {
            b.errorListener(errors);
        }
        if (credsFile.isPresent()) {
            b.authHandler(Nats.credentials(credsFile.get()));
        } else if (token.isPresent()) {
            b.token(token.get().toCharArray());
        } else if (user.isPresent()) {
            b.userInfo(user.get().toCharArray(), password.orElse("").toCharArray());
        }
        if (caFile.isPresent()) {
            b.sslContext(trusting(caFile.get()));
        } else if (truststore.isPresent() || keystore.isPresent()) {
            // jnats builds the SSL context from these stores.
            truststore.ifPresent(b::truststorePath);
            truststorePassword.ifPresent(p -> b.truststorePassword(p.toCharArray()));
            keystore.ifPresent(b::keystorePath);
            keystorePassword.ifPresent(p -> b.keystorePassword(p.toCharArray()));
        } else if (tls) {
            try {
                b.secure(); // the JVM's default trust store
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** {@code _INBOX_<service>}: the prefix of a service's reply subjects (nats-permissions.conf). */
    public static String inboxPrefix(String connectionName) {
        return "_INBOX_" + io.peregrine.protocol.Subjects.token(connectionName);
    }

    /**
     * TLS that trusts only the certificates in a PEM file (the CA that signed the NATS servers'
     * certificates, as Kubernetes Secrets hold it), not the JVM's default authorities.
     */
    static SSLContext trusting(String pemFile) {
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("peregrine.nats.tls.ca-file " + pemFile + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("peregrine.nats.tls.ca-file " + pemFile + ": " + e.getMessage(), e);
        }
    }

    /** For logs: the servers and which credential kind is used, never the secret itself. */
    @Override
    public String toString() {
        String auth = credsFile.isPresent() ? "creds-file" : token.isPresent() ? "token"
                : user.isPresent() ? "user " + user.get() : "none";
        return "NATS " + String.join(",", servers) + " (auth: " + auth + ", tls: " + (tls || truststore.isPresent() || caFile.isPresent()) + ")";
    }
}
