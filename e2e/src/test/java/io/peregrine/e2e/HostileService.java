package io.peregrine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service under hostile input: its packaged application run as {@code ./peregrine up} runs it,
 * with the heap of its image ({@code -Xmx256m -XX:+ExitOnOutOfMemoryError}), so an input that
 * exhausts memory ends the process; the shared NATS and PostgreSQL of the test run; tokens of any
 * role. {@link #assertSameProcess} is what each hostile test checks afterwards: the process started
 * is the one answering, alive and ready.
 */
final class HostileService implements AutoCloseable {

    static final List<String> IMAGE_HEAP = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    /** One input with the answer it must get: {@code detail} is a piece of the reason given. */
    record Case(String name, String method, String path, String role, String contentType, byte[] body,
                int status, String detail) {
    }

    final Path dir;
    final TokenIssuer tokens;
    final ServiceProcess process;
    final String natsUrl;
    private final long pid;
    private long logStart;
    // HTTP/1.1: a refusal before the body is read closes the connection, which HTTP/2 may not name.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HostileService(Path dir, TokenIssuer tokens, ServiceProcess process, String natsUrl) {
        this.dir = dir;
        this.tokens = tokens;
        this.process = process;
        this.natsUrl = natsUrl;
        this.pid = process.pid();
    }

    /** Starts {@code service} with {@code extraEnv} over the common environment and waits until it is ready. */
    static HostileService start(String service, Map<String, String> extraEnv) throws Exception {
        HostileService s = launch(service, extraEnv);
        try {
            s.process.awaitReady(PeregrineSystem.START_TIMEOUT);
        } catch (RuntimeException | InterruptedException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Starts {@code service} and returns at once, ready or not. */
    static HostileService launch(String service, Map<String, String> extraEnv) throws Exception {
        Path dir = Files.createTempDirectory("peregrine-hostile-");
        TokenIssuer tokens = new TokenIssuer(dir);
        Path apps = Path.of(System.getProperty("peregrine.e2e.apps", ".."));
        Path logs = Path.of(System.getProperty("peregrine.e2e.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        String nats = env("PEREGRINE_NATS_URL", "nats://127.0.0.1:4222");
        Map<String, String> env = new HashMap<>();
        env.put("PEREGRINE_NATS_URL", nats);
        env.put("PEREGRINE_DB_HOST", env("PEREGRINE_DB_HOST", "127.0.0.1"));
        env.put("PEREGRINE_DB_PORT", env("PEREGRINE_DB_PORT", "5432"));
        env.put("PEREGRINE_DB_NAME", env("PEREGRINE_DB_NAME", "peregrine"));
        env.put("PEREGRINE_DB_USER", env("PEREGRINE_DB_USER", "peregrine"));
        env.put("PEREGRINE_DB_PASSWORD", env("PEREGRINE_DB_PASSWORD", "peregrine"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyPem.toString());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(extraEnv);
        ServiceProcess p = new ServiceProcess(service, apps.resolve(service + "/target/quarkus-app/quarkus-run.jar"),
                port, env, logs.resolve(service + "-hostile.log"), IMAGE_HEAP);
        Path log = logs.resolve(service + "-hostile.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        p.start();
        HostileService s = new HostileService(dir, tokens, p, nats);
        s.logStart = logStart;
        return s;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    HttpResponse<String> send(String method, String path, String role, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(process.url(path).toString()))
                .timeout(Duration.ofSeconds(120));
        if (role != null) {
            b.header("Authorization", "Bearer " + tokens.token("hostile-" + role, role));
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200. */
    HttpResponse<String> get(String path, String role) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, role, null, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    /** The case's status, and its detail somewhere in the body; then the process is still the one started. */
    void check(Case c) throws IOException, InterruptedException {
        HttpResponse<String> r = send(c.method(), c.path(), c.role(), c.contentType(), c.body());
        assertEquals(c.status(), r.statusCode(), c.name() + ": " + r.body() + "\n" + process.tail(20));
        assertTrue(r.body().contains(c.detail()), c.name() + ": expected '" + c.detail() + "' in '" + r.body() + "'");
        assertSameProcess();
    }

    /** One of {@code allowed}; anything else fails with the input and the log's tail. */
    void checkStatus(HttpResponse<String> r, String what, String input, int... allowed) {
        for (int a : allowed) {
            if (r.statusCode() == a) {
                return;
            }
        }
        fail(what + " answered " + r.statusCode() + ": " + r.body()
                + (input == null ? "" : "\n---- input:\n" + input.substring(0, Math.min(input.length(), 2000)))
                + "\n" + process.tail(30));
    }

    /** The readiness answer, once the service answers at all (bounded by the start timeout). */
    HttpResponse<String> readiness() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PeregrineSystem.START_TIMEOUT.toNanos();
        while (true) {
            assertTrue(process.alive(), process.name + " ended\n" + process.tail(40));
            try {
                return http.send(HttpRequest.newBuilder(process.url("/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    /** The process started, alive and ready. */
    void assertSameProcess() throws IOException, InterruptedException {
        assertTrue(process.alive(), process.name + " ended (exit " + (process.alive() ? "" : process.exitValue()) + ")\n"
                + process.tail(40));
        assertEquals(pid, process.pid(), process.name + " was restarted");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(process.url("/q/health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), process.name + " not ready: " + ready.body());
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code labels} (0 when none). */
    double metric(String name, String labels) throws IOException, InterruptedException {
        String page = get("/q/metrics", "admin").body();
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(page);
        while (m.find()) {
            if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /** What this process has logged (the log file holds earlier runs too). */
    String log() throws IOException {
        byte[] all = Files.readAllBytes(process.log());
        return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                StandardCharsets.UTF_8);
    }

    String tail(int lines) {
        return process.tail(lines);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        process.stop();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
