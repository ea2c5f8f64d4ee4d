package io.peregrine.rules.management.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the service at the real PostgreSQL through a {@link TcpProxy} the test can cut. */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("PEREGRINE_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("PEREGRINE_DB_PORT", "5432"));
        proxy = new TcpProxy(host, port);
        try {
            proxy.up();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("peregrine.db.host", "127.0.0.1", "peregrine.db.port", Integer.toString(proxy.port()));
    }

    @Override
    public void stop() {
        try {
            proxy.down();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
