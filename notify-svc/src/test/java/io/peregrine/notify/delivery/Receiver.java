package io.peregrine.notify.delivery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A local HTTP server standing in for Slack or a webhook receiver. It records every request and
 * answers with the status its behaviour picks for the n-th request (1-based); it can hang, answer
 * 429 with Retry-After, or be stopped and started again on the same port.
 */
public final class Receiver implements AutoCloseable {

    public record Request(Instant at, Map<String, List<String>> headers, byte[] body, int status) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public static final int HANG = -1;

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile IntUnaryOperator behaviour = n -> 200;
    private volatile String retryAfter = "1";
    private volatile long delayMillis;
    private HttpServer server;
    private int port;

    public Receiver() throws IOException {
        start(0);
    }

    private void start(int p) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = count.incrementAndGet();
            int status = behaviour.applyAsInt(n);
            if (status == HANG) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            requests.add(new Request(Instant.now(), Map.copyOf(ex.getRequestHeaders()), body, status));
            if (status == 429) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Status for the n-th request (1-based), or {@link #HANG}. */
    public Receiver behave(IntUnaryOperator b) {
        this.behaviour = b;
        return this;
    }

    public Receiver retryAfter(String v) {
        this.retryAfter = v;
        return this;
    }

    public Receiver delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Requests answered with 2xx. */
    public List<Request> accepted() {
        return requests.stream().filter(r -> r.status() >= 200 && r.status() < 300).toList();
    }

    public List<Request> all() {
        return List.copyOf(requests);
    }

    public int received() {
        return count.get();
    }

    public void down() {
        server.stop(0);
    }

    public void up() throws IOException {
        start(port);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
