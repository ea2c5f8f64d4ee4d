package io.peregrine.e2e;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A NATS cluster of its own for one test: {@code size} nats-server processes with JetStream on
 * loopback, joined by cluster routes, each with its own store and log. Unlike the single server
 * {@code ./peregrine test} shares between modules, its servers may be killed.
 */
final class NatsCluster implements AutoCloseable {

    /** One server: its name (JetStream peer name), client and route ports, store, log and process. */
    static final class Server {
        final String name;
        final int clientPort;
        final int routePort;
        final Path config;
        final Path log;
        Process process;

        Server(String name, int clientPort, int routePort, Path config, Path log) {
            this.name = name;
            this.clientPort = clientPort;
            this.routePort = routePort;
            this.config = config;
            this.log = log;
        }

        String url() {
            return "nats://127.0.0.1:" + clientPort;
        }

        long pid() {
            return process == null || !process.isAlive() ? -1 : process.pid();
        }
    }

    private final List<Server> servers = new ArrayList<>();

    NatsCluster(String run, int size, Path dir, Path logs) throws IOException {
        Files.createDirectories(logs);
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(new int[]{freePort(), freePort()});
        }
        StringBuilder routes = new StringBuilder();
        for (int[] p : ports) {
            routes.append(routes.isEmpty() ? "" : ", ").append("\"nats-route://127.0.0.1:").append(p[1]).append('"');
        }
        for (int i = 0; i < size; i++) {
            String name = "n" + (i + 1);
            Path store = Files.createDirectories(dir.resolve("nats-" + name));
            Path config = dir.resolve("nats-" + name + ".conf");
            Files.writeString(config, """
                    server_name: "%s"
                    listen: "127.0.0.1:%d"
                    jetstream { store_dir: "%s" }
                    cluster {
                      name: "e2e-%s"
                      listen: "127.0.0.1:%d"
                      routes: [%s]
                    }
                    """.formatted(name, ports.get(i)[0], store, run, ports.get(i)[1], routes));
            servers.add(new Server(name, ports.get(i)[0], ports.get(i)[1], config, logs.resolve("nats-" + name + ".log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts every server and waits until JetStream answers through each (a meta leader is elected). */
    void start(Duration max) throws Exception {
        for (Server s : servers) {
            Files.writeString(s.log, "---- e2e: starting " + s.name + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            s.process = new ProcessBuilder("nats-server", "-c", s.config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(s.log.toFile())).start();
            Process p = s.process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }));
        }
        long deadline = System.nanoTime() + max.toNanos();
        for (Server s : servers) {
            String last = "no answer";
            while (true) {
                if (!s.process.isAlive()) {
                    throw new IllegalStateException("nats-server " + s.name + " exited (" + s.process.exitValue() + ")\n" + tail(s, 30));
                }
                try (Connection c = Nats.connect(new Options.Builder().server(s.url()).connectionTimeout(Duration.ofSeconds(2))
                        .maxReconnects(0).build())) {
                    JetStreamManagement jsm = c.jetStreamManagement();
                    jsm.getAccountStatistics();
                    break;
                } catch (Exception e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("JetStream not ready on " + s.name + " within " + max.toSeconds() + " s: "
                            + last + "\n" + logTails(30));
                }
                Thread.sleep(250);
            }
        }
    }

    Server server(int i) {
        return servers.get(i);
    }

    List<Server> servers() {
        return List.copyOf(servers);
    }

    /** Client URLs of the given servers, comma-separated as {@code peregrine.nats.url} takes them. */
    String urls(int... indexes) {
        List<String> u = new ArrayList<>();
        for (int i : indexes) {
            u.add(servers.get(i).url());
        }
        return String.join(",", u);
    }

    /** Kills a server as a crash would (SIGKILL): no goodbye to its clients or its peers. */
    void kill(int i) throws InterruptedException {
        Server s = servers.get(i);
        s.process.destroyForcibly();
        s.process.waitFor(10, TimeUnit.SECONDS);
    }

    String logTails(int lines) {
        StringBuilder b = new StringBuilder();
        for (Server s : servers) {
            b.append('\n').append(tail(s, lines));
        }
        return b.toString();
    }

    private static String tail(Server s, int lines) {
        try {
            List<String> all = Files.readAllLines(s.log, StandardCharsets.UTF_8);
            return "---- last lines of " + s.log + "\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "---- " + s.log + " not readable: " + e.getMessage();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Server s : servers) {
            if (s.process != null && s.process.isAlive()) {
                s.process.destroy();
                if (!s.process.waitFor(10, TimeUnit.SECONDS)) {
                    s.process.destroyForcibly();
                    s.process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
