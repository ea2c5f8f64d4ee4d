package io.peregrine.rules.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A nats-server run with the repository's own kubernetes/base/nats.conf and the permissions it
 * includes (nats-permissions.conf, laid out as the ConfigMaps are mounted): only the listen and
 * monitoring addresses and the /data paths are changed (to free local ports and a temporary
 * directory), and one user without limits is added to watch the traffic. JetStream limits,
 * payload limit, users and their permissions are the manifest's.
 */
public class KubernetesNats implements QuarkusTestResourceLifecycleManager {
    /** The services' users, as nats.conf names them; each password is the user's name reversed. */
    static final List<String> SERVICES = List.of("capture-svc", "state-svc", "rules-svc", "notify-svc");
    /** Added for the tests: sees and may do everything. */
    static final String OBSERVER = "observer";

    private Process server;
    private Path dir;
    private int port;

    static String password(String user) {
        return new StringBuilder(user).reverse() + "-test";
    }

    /** The manifest's configuration, adapted for a local run under {@code dir}. */
    static String config(Path dir, int port, int monitor) throws IOException {
        Path conf = Path.of("..", "kubernetes", "base", "nats.conf");
        String text = Files.readString(conf);
        String adapted = text.replace("listen: 0.0.0.0:4222", "listen: 127.0.0.1:" + port)
                .replace("http: 0.0.0.0:8222", "http: 127.0.0.1:" + monitor)
                .replace("/data/", dir.toAbsolutePath() + "/")
                .replace("users: [", "users: [\n    { user: " + OBSERVER + ", password: " + password(OBSERVER) + " }");
        if (adapted.equals(text) || adapted.contains("0.0.0.0") || adapted.contains(" /data/")
                || !adapted.contains("include ../nats-permissions/permissions.conf")) {
            throw new IllegalStateException(conf + " changed shape: adapt " + KubernetesNats.class.getName());
        }
        return adapted;
    }

    /** The client URL; after {@link #start()}. */
    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The server's log so far: permission violations are logged there. */
    String log() throws IOException {
        return Files.readString(dir.resolve("nats.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("k8s-nats");
            port = freePort();
            int monitor = freePort();
            // As in the pod: /etc/nats/nats.conf includes ../nats-permissions/permissions.conf.
            Path conf = Files.createDirectories(dir.resolve("nats")).resolve("nats.conf");
            Files.writeString(conf, config(dir, port, monitor));
            Files.copy(Path.of("..", "kubernetes", "base", "nats-permissions.conf"),
                    Files.createDirectories(dir.resolve("nats-permissions")).resolve("permissions.conf"));
            ProcessBuilder pb = new ProcessBuilder("nats-server", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile());
            pb.environment().put("POD_NAME", "nats-0");
            for (String user : SERVICES) {
                pb.environment().put("PEREGRINE_NATS_" + user.substring(0, user.indexOf('-')).toUpperCase(Locale.ROOT)
                        + "_PASSWORD", password(user));
            }
            server = pb.start();
            // Until the server accepts connections (a condition: the server may take a while to start).
            for (int i = 0; ; i++) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    break;
                } catch (IOException notYet) {
                    if (!server.isAlive() || i > 600) {
                        throw new IllegalStateException("nats-server did not start: " + Files.readString(dir.resolve("nats.log")));
                    }
                    Thread.sleep(50);
                }
            }
            // rules-svc under test: it runs as its own user, with only that user's permissions.
            return Map.of("peregrine.nats.url", url(),
                    "peregrine.nats.user", "rules-svc", "peregrine.nats.password", password("rules-svc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }
}
