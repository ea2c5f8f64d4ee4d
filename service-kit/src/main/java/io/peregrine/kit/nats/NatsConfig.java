package io.peregrine.kit.nats;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The NATS keys every service reads, {@code peregrine.nats.*}; see {@link NatsSettings}. Marked
 * safe for static init: {@link NatsClient} connects when the application scope is initialised,
 * which Quarkus does at static init, so the mapping must be there already.
 */
@StaticInitSafe
@ConfigMapping(prefix = "peregrine.nats")
public interface NatsConfig {

    /** Server URLs, comma-separated (a cluster). */
    @WithDefault("nats://127.0.0.1:4222")
    List<String> url();

    Optional<String> user();

    Optional<String> password();

    Optional<String> token();

    /** A .creds file: JWT and nkey seed. */
    Optional<String> credsFile();

    Tls tls();

    /** Replicas of the streams and the KV bucket a service creates when they are missing. */
    @WithDefault("1")
    int replicas();

    interface Tls {

        /** TLS with the JVM's default trust store, when no store is given. */
        @WithDefault("false")
        boolean enabled();

        Optional<String> truststore();

        Optional<String> truststorePassword();

        Optional<String> keystore();

        Optional<String> keystorePassword();
    }

    default NatsSettings settings() {
        return new NatsSettings(url(), user(), password(), token(), credsFile(), tls().enabled(),
                tls().truststore(), tls().truststorePassword(), tls().keystore(), tls().keystorePassword());
    }
}
