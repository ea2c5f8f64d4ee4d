package io.peregrine.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services as separate processes, wired to the NATS and PostgreSQL of the test run
 * ({@code PEREGRINE_NATS_URL}, {@code PEREGRINE_DB_*}, as {@code ./peregrine test} provides them).
 * Those servers are shared with the other modules' tests, so whatever is shared gets a name of this
 * run: the node (hence the raw and projected subjects) and notify-svc's durable consumer.
 */
final class PeregrineSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("capture-svc", "state-svc", "rules-svc", "notify-svc");
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final String run;
    final String node;
    final String natsUrl;
    final Path dir;
    final TokenIssuer tokens;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PeregrineSystem(String run, Path dir, Path apps, Path logs) throws Exception {
        this(run, dir, apps, logs, Map.of());
    }

    /** {@code extraEnv}: more environment for some services (e.g. state-svc's CRI socket), by service. */
    PeregrineSystem(String run, Path dir, Path apps, Path logs, Map<String, Map<String, String>> extraEnv)
            throws Exception {
        this.run = run;
        this.node = "e2e-" + run;
        this.dir = dir;
        this.natsUrl = env("PEREGRINE_NATS_URL", "nats://127.0.0.1:4222");
        this.tokens = new TokenIssuer(dir);
        Files.createDirectories(logs);
        Map<String, String> common = new HashMap<>();
        common.put("PEREGRINE_NATS_URL", natsUrl);
        common.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyPem.toString());
        common.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        common.put("PEREGRINE_DB_HOST", env("PEREGRINE_DB_HOST", "127.0.0.1"));
        common.put("PEREGRINE_DB_PORT", env("PEREGRINE_DB_PORT", "5432"));
        common.put("PEREGRINE_DB_NAME", env("PEREGRINE_DB_NAME", "peregrine"));
        common.put("PEREGRINE_DB_USER", env("PEREGRINE_DB_USER", "peregrine"));
        common.put("PEREGRINE_DB_PASSWORD", env("PEREGRINE_DB_PASSWORD", "peregrine"));
        for (String s : SERVICES) {
            Map<String, String> e = new HashMap<>(common);
            int port = freePort();
            e.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // Each service as its own NATS user, with only its permissions, where ./peregrine test
            // made them (kubernetes/base/nats-permissions.conf).
            String natsPassword = System.getenv("PEREGRINE_NATS_"
                    + s.substring(0, s.indexOf('-')).toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
            if (natsPassword != null) {
                e.put("PEREGRINE_NATS_USER", s);
                e.put("PEREGRINE_NATS_PASSWORD", natsPassword);
            }
            switch (s) {
                case "capture-svc" -> {
                    e.put("PEREGRINE_CAPTURE_NODE", node);
                    e.put("PEREGRINE_CAPTURE_RECORDINGS_DIR", dir.resolve("recordings").toString());
                }
                case "state-svc" -> e.put("PEREGRINE_STATE_NODE", node);
                case "notify-svc" -> {
                    e.put("PEREGRINE_NOTIFY_DURABLE", "e2e-" + run);
                    e.put("PEREGRINE_NOTIFY_TERMINAL_FILE", dir.resolve("terminal-alerts.log").toString());
                }
                default -> {
                }
            }
            e.putAll(extraEnv.getOrDefault(s, Map.of()));
            Path jar = apps.resolve(s).resolve("target/quarkus-app/quarkus-run.jar");
            services.put(s, new ServiceProcess(s, jar, port, e, logs.resolve(s + ".log")));
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Starts every service at once (start-up is mostly waiting) and waits until each is ready. */
    void startAll() throws Exception {
        for (ServiceProcess p : services.values()) {
            p.start();
        }
        for (ServiceProcess p : services.values()) {
            p.awaitReady(START_TIMEOUT);
        }
    }

    /** Stops one service and starts it again; returns when it is ready. */
    void restart(String name) throws Exception {
        ServiceProcess p = services.get(name);
        p.stop();
        p.start();
        p.awaitReady(START_TIMEOUT);
    }

    /** The tails of every service's log, for a failure message. */
    String logTails(int lines) {
        StringBuilder b = new StringBuilder();
        for (ServiceProcess p : services.values()) {
            b.append('\n').append(p.tail(lines));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ REST

    HttpResponse<String> call(String service, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(services.get(service).url(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.adminToken());
        if (body != null) {
            r.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> callOk(String service, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = call(service, method, path, contentType, body);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(service + " " + method + " " + path + " answered " + r.statusCode() + ": "
                    + r.body() + "\n" + services.get(service).tail(30));
        }
        return r;
    }

    @Override
    public void close() throws InterruptedException {
        List<String> reverse = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        for (String s : reverse) {
            services.get(s).stop();
        }
    }

    URI url(String service, String path) {
        return services.get(service).url(path);
    }
}
