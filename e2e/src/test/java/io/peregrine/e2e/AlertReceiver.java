package io.peregrine.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local HTTP server that records what notify-svc posts to it and answers as Slack does (200, body
 * {@code ok}). The one fake of the end-to-end tests: it stands in for Slack and for a webhook receiver.
 */
final class AlertReceiver implements AutoCloseable {

    /** Slack's incoming-webhook message, or the Falco JSON alert of a webhook. */
    enum Kind { SLACK, WEBHOOK }

    /**
     * One received alert, read back into the same shape whatever the kind: the alert id, rule,
     * output line, the output fields shown (all of them for a webhook), the hostname, the raw body
     * and when it arrived.
     */
    record Received(String uuid, String rule, String output, Map<String, String> fields, String hostname, JsonNode body,
                    java.time.Instant at) {
        String field(String name) {
            return fields.get(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Kind kind;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    AlertReceiver(Kind kind) throws IOException {
        this.kind = kind;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The URL to configure in the output: a Slack-like path or a webhook path. */
    String url() {
        String path = kind == Kind.SLACK ? "/services/T00000000/B00000000/e2e" : "/alerts";
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                problems.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            } else {
                received.add(parse(new String(body, StandardCharsets.UTF_8), ex.getRequestHeaders().getFirst("X-Peregrine-Alert-Id")));
            }
        } catch (RuntimeException | IOException e) {
            problems.add("unreadable body (" + e.getMessage() + "): " + new String(body, StandardCharsets.UTF_8));
        }
        byte[] ok = "ok".getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, ok.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(ok);
        }
    }

    private Received parse(String text, String idHeader) throws IOException {
        JsonNode n = JSON.readTree(text);
        Map<String, String> fields = new LinkedHashMap<>();
        if (kind == Kind.WEBHOOK) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("output_fields").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
            return new Received(n.path("uuid").asText(null), n.path("rule").asText(null), n.path("output").asText(null),
                    fields, n.path("hostname").asText(null), n, java.time.Instant.now());
        }
        JsonNode att = n.path("attachments").path(0);
        for (JsonNode f : att.path("fields")) {
            fields.put(f.path("title").asText(), f.path("value").asText(null));
        }
        return new Received(idHeader, fields.get("rule"), att.path("text").asText(null), fields, fields.get("hostname"), n, java.time.Instant.now());
    }

    List<Received> all() {
        return new ArrayList<>(received);
    }

    List<Received> matching(Predicate<Received> p) {
        return received.stream().filter(p).toList();
    }

    /** Requests that were not an alert this receiver could read. */
    List<String> problems() {
        return new ArrayList<>(problems);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
