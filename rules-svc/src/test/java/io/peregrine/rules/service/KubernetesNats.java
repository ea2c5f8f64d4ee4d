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
import java.util.Map;

/**
 * A nats-server run with the repository's own kubernetes/base/nats.conf: only the listen and
 * monitoring addresses and the /data paths are changed (to free local ports and a temporary
 * directory); JetStream limits, payload limit and authorisation are the manifest's.
 */
public class KubernetesNats implements QuarkusTestResourceLifecycleManager {
    static final String USER = "peregrine";
    static final String PASSWORD = "kubernetes-test";

    private Process server;
    private Path dir;

    /** The manifest's configuration, adapted for a local run under {@code dir}. */
    static String config(Path dir, int port, int monitor) throws IOException {
        Path conf = Path.of("..", "kubernetes", "base", "nats.conf");
        String text = Files.readString(conf);
        String adapted = text.replace("listen: 0.0.0.0:4222", "listen: 127.0.0.1:" + port)
                .replace("http: 0.0.0.0:8222", "http: 127.0.0.1:" + monitor)
                .replace("/data/", dir.toAbsolutePath() + "/");
        if (adapted.equals(text) || adapted.contains("0.0.0.0") || adapted.contains(" /data/")) {
            throw new IllegalStateException(conf + " changed shape: adapt " + KubernetesNats.class.getName());
        }
        return adapted;
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
            int port = freePort();
            int monitor = freePort();
            Path conf = dir.resolve("nats.conf");
            Files.writeString(conf, config(dir, port, monitor));
            ProcessBuilder pb = new ProcessBuilder("nats-server", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile());
            pb.environment().put("POD_NAME", "nats-0");
            pb.environment().put("PEREGRINE_NATS_USER", USER);
            pb.environment().put("PEREGRINE_NATS_PASSWORD", PASSWORD);
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
            return Map.of("peregrine.nats.url", "nats://127.0.0.1:" + port,
                    "peregrine.nats.user", USER, "peregrine.nats.password", PASSWORD);
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
