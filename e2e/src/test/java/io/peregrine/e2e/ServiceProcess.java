package io.peregrine.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Peregrine service run as its own process from its packaged application
 * ({@code <service>/target/quarkus-app/quarkus-run.jar}), on its own port, with its output appended
 * to one log file that survives restarts.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
        this(name, jar, port, env, log, List.of());
    }

    /** With JVM options before {@code -jar}, e.g. the heap bound of the service's image. */
    ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path log, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = log;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests install)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.writeString(log, "---- e2e: starting " + name + " on port " + port + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = pb.start();
        // Should the test JVM be stopped before its @AfterAll, no service outlives it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.destroyForcibly();
            }
        }));
    }

    /** Polls /q/health/ready until it answers 200; a process that exits meanwhile fails at once. */
    void awaitReady(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " during start-up\n" + tail(40));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + max.toSeconds() + " s (last answer: " + last + ")\n" + tail(40));
    }

    /** Stops the process: a polite SIGTERM first (the service drains and acknowledges), then SIGKILL. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        appendNote("---- e2e: " + name + " stopped (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")\n");
        process = null;
    }

    /** Kills the process as a crash would (SIGKILL): nothing is handed back, JetStream's ack wait must do it. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        appendNote("---- e2e: " + name + " killed (SIGKILL)\n");
        process = null;
    }

    /** The process id of the running service, or -1 when it was not started. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The exit status once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return log;
    }

    /** The last lines of this service's log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> t = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
            return "---- last " + t.size() + " lines of " + log + "\n" + String.join("\n", t);
        } catch (IOException e) {
            return "---- " + log + " not readable: " + e.getMessage();
        }
    }

    private void appendNote(String s) {
        try {
            Files.writeString(log, s, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
