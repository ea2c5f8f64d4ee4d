package io.peregrine.notify.output;

import io.peregrine.notify.delivery.Alerts;
import io.peregrine.notify.delivery.RetryPolicy;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputsTest {

    @Test
    void jsonLinesFilesRotateBySizeAndKeepTheConfiguredNumber(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alerts.jsonl");
        Alert a = Alerts.alert("r", Priority.ERROR);
        int line = AlertJson.encode(a).length() + 1;
        try (FileOutput out = FileOutput.file(OutputSpec.builder("f", "file").path(f.toString())
                .maxBytes(line * 3L).maxFiles(2).build())) {
            for (int i = 0; i < 10; i++) {
                assertTrue(out.deliver(Notification.of(a)).ok());
            }
        }
        // 10 lines, 3 per file: f.2 and f.1 hold 3 each, f holds 1; the oldest 3 were dropped.
        assertEquals(1, Files.readAllLines(f).size());
        assertEquals(3, Files.readAllLines(dir.resolve("alerts.jsonl.1")).size());
        assertEquals(3, Files.readAllLines(dir.resolve("alerts.jsonl.2")).size());
        assertFalse(Files.exists(dir.resolve("alerts.jsonl.3")));
        assertEquals(a.uuid(), AlertJson.decode(Files.readAllLines(f).getFirst()).uuid());
    }

    @Test
    void aPrettyPrintedAlertStillTakesOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.jsonl");
        Alert a = Alerts.alert("r", Priority.ERROR);
        byte[] pretty = AlertJson.encode(a).replace(",", ",\n  ").getBytes(StandardCharsets.UTF_8);
        try (FileOutput out = FileOutput.file(OutputSpec.builder("f", "file").path(f.toString()).build())) {
            out.deliver(new Notification(a, pretty, 1, List.of(a.uuid())));
        }
        assertEquals(List.of(AlertJson.encode(a)), Files.readAllLines(f));
    }

    @Test
    void terminalLinesAreOneLineEvenWithLineBreaksAndShowTheCount(@TempDir Path dir) {
        Alert a = new Alert("u1", java.time.Instant.parse("2026-01-02T03:04:05Z"), "Rule X", Priority.ALERT,
                "line one\nline two", Map.of(), "syscall", List.of(), "h");
        TerminalFileOutput t = new TerminalFileOutput(OutputSpec.builder("t", "terminal").path(dir.resolve("t").toString()).build());
        assertEquals("line one line two [Rule X]", t.line(Notification.of(a)));
        assertEquals("line one line two [Rule X] (x4)",
                t.line(new Notification(a, new byte[0], 4, List.of("1", "2", "3", "4"))));
    }

    @Test
    void aggregatedBodyKeepsTheAlertAndAddsCountAndIds() {
        Alert a = Alerts.alert("r", Priority.ERROR);
        Notification n = new Notification(a, AlertJson.encode(a).getBytes(StandardCharsets.UTF_8), 2, List.of(a.uuid(), "other"));
        String body = new String(n.body(), StandardCharsets.UTF_8);
        assertEquals(a.uuid(), AlertJson.decode(body).uuid(), "still a Falco alert");
        assertTrue(body.endsWith(",\"count\":2,\"uuids\":[\"" + a.uuid() + "\",\"other\"]}"));
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), HttpDelivery.retryAfter(Optional.of("7")));
        assertTrue(HttpDelivery.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")).orElseThrow().isZero());
        assertEquals(Optional.empty(), HttpDelivery.retryAfter(Optional.of("soon")));
    }

    @Test
    void aRetryAfterBeyondALongIsStillAWaitAndTheWaitIsCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(999_999_999_999L)),
                HttpDelivery.retryAfter(Optional.of("99999999999999999999999")));
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), p.backoff(1, HttpDelivery.retryAfter(Optional.of("99999999999999999999999")).orElseThrow()));
        assertEquals(Duration.ofSeconds(2), p.backoff(1, Duration.ofDays(365)));
        assertEquals(Duration.ofSeconds(1), p.backoff(1, Duration.ofSeconds(1)), "below the cap it is honoured");
        assertEquals(Duration.ofSeconds(60), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100))
                .backoff(1, Duration.ofHours(1)), "default cap");
    }

    /**
     * A receiver that answers its headers at once and then sends its body a byte at a time, for
     * 30 s: the request timeout alone ends at the headers, so only a deadline over the whole
     * exchange stops waiting for it.
     */
    @Test
    void aBodyTrickledAfterTheHeadersDoesNotOutlastTheDeadline() throws Exception {
        for (String type : List.of("webhook", "slack")) {
            try (Trickler server = new Trickler()) {
                OutputSpec spec = OutputSpec.builder(type, type).url(server.url()).timeoutMillis(3000).build();
                try (Output out = Outputs.create(spec, null)) {
                    Delivery d = out.deliver(Notification.of(Alerts.alert("r", Priority.ERROR)));
                    assertEquals(Delivery.Kind.RETRYABLE, d.kind(), type);
                    assertEquals("timeout", d.reason(), type);
                }
                assertTrue(server.headersSent.get(), type + ": the answer had begun, only its body was late");
            }
        }
    }

    /**
     * A receiver that answers its headers at once and then sends its body a byte at a time, for
     * 30 s: the request timeout alone ends at the headers, so only a deadline over the whole
     * exchange stops waiting for it.
     */
    private static final class Trickler implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer server;
        final java.util.concurrent.atomic.AtomicBoolean headersSent = new java.util.concurrent.atomic.AtomicBoolean();

        Trickler() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, 0);
                headersSent.set(true);
                try (java.io.OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 300; i++) {
                        out.write('.');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException gone) {
                    // The client hung up: what the test wants.
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void backoffGrowsWithJitterUpToTheCapAndRespectsRetryAfter() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2));
        for (int i = 0; i < 200; i++) {
            long first = p.backoff(1, null).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            long third = p.backoff(3, null).toMillis();
            assertTrue(third >= 200 && third <= 400, "third " + third);
            long late = p.backoff(40, null).toMillis();
            assertTrue(late >= 1000 && late <= 2000, "late " + late);
        }
        assertEquals(Duration.ofSeconds(30), p.backoff(1, Duration.ofSeconds(30)));
    }

    @Test
    void declarationsAreCheckedAndSecretsStayOut() {
        OutputSpec bad = OutputSpec.builder("ok", "nats").subject("a.*").maxFiles(500).build();
        assertEquals(List.of("maxFiles must be between 1 and 100", "nats needs subject, a NATS subject without wildcards"),
                bad.problems());
        OutputSpec slack = OutputSpec.builder("s", "slack").url("https://hooks.example/T/B/XYZ").secret("k")
                .headers(Map.of("Authorization", "tok")).tls(new OutputSpec.Tls("/k.p12", "pw", "/t.p12", "pw2")).build();
        OutputSpec shown = slack.withoutSecrets();
        assertNull(shown.url());
        assertNull(shown.secret());
        assertEquals(Map.of("Authorization", "********"), shown.headers());
        assertNull(shown.tls().keystorePassword());
        assertEquals(List.of("secret", "url", "headers", "tls.keystorePassword", "tls.truststorePassword"), slack.secretsSet());
        assertFalse(slack.toString().contains("XYZ"));
        OutputSpec badUrl = OutputSpec.builder("s", "slack").url("https://hooks.example/T/B/SECRET TOKEN").build();
        assertEquals(List.of("url is not a valid URL"), badUrl.problems(), "the URL is not echoed");
        OutputSpec kept = shown.keepingSecretsOf(slack);
        assertEquals(slack, kept);
    }

    @Test
    void outputsStayOffReservedSubjectsAndOutOfEveryDirectoryButTheirs(@TempDir Path dir) {
        OutputConfinement c = new OutputConfinement(dir, List.of("notifytest.alerts.>", "notifytest.control.outputs"));
        for (String subject : List.of("$JS.API.STREAM.DELETE.PEREGRINE_ALERTS", "$KV.peregrine-state.x", "$SYS.REQ.SERVER.PING",
                "$O.store.x", "_INBOX.abc", "peregrine.alerts.critical.x", "peregrine.control.outputs",
                "notifytest.alerts.error.x", "notifytest.control.outputs")) {
            List<String> p = c.problems(OutputSpec.builder("n", "nats").subject(subject).build());
            assertEquals(1, p.size(), subject);
            assertTrue(p.getFirst().contains("is reserved"), p.getFirst());
        }
        for (String subject : List.of("alerts.copy", "team.peregrine.alerts", "js.api", "notifytest.alertsx")) {
            assertEquals(List.of(), c.problems(OutputSpec.builder("n", "nats").subject(subject).build()), subject);
        }

        for (String path : List.of("/etc/cron.d/x", dir.getParent().resolve("elsewhere.log").toString(), "../x.log",
                "sub/../../x.log", dir + "/../x.log", dir.toString())) {
            List<String> p = c.problems(c.resolve(OutputSpec.builder("f", "file").path(path).build()));
            assertEquals(1, p.size(), path);
        }
        assertTrue(c.problems(OutputSpec.builder("f", "file").path("../x").build()).getFirst().contains("'..'"));
        OutputSpec relative = c.resolve(OutputSpec.builder("f", "terminal").path("team/alerts.log").build());
        assertEquals(dir.resolve("team/alerts.log").toString(), relative.path());
        assertEquals(List.of(), c.problems(relative));
        assertEquals(List.of(), c.problems(OutputSpec.builder("f", "file").path(dir.resolve("a.jsonl").toString()).build()));

        assertEquals(List.of("maxFiles must be between 1 and 100"),
                OutputSpec.builder("f", "file").path(dir.resolve("a").toString()).maxFiles(0).build().problems());
    }

    @Test
    void aUrlOnAnotherHostKeepsNoStoredSecret() {
        OutputSpec stored = OutputSpec.builder("h", "webhook").url("https://hooks.example/in").secret("k")
                .headers(Map.of("Authorization", "tok")).tls(new OutputSpec.Tls("/k.p12", "pw", null, null)).build();
        OutputSpec moved = OutputSpec.builder("h", "webhook").url("https://attacker.example/in")
                .headers(Map.of("Authorization", OutputSpec.MASK)).tls(new OutputSpec.Tls("/k.p12", null, null, null)).build();
        OutputSpec merged = moved.keepingSecretsOf(stored);
        assertNull(merged.secret());
        assertEquals(Map.of("Authorization", OutputSpec.MASK), merged.headers(), "the mask is not replaced by the value");
        assertNull(merged.tls().keystorePassword());
        for (String other : List.of("http://hooks.example/in", "https://hooks.example:8443/in", "https://hooks.example.evil/in")) {
            assertNull(OutputSpec.builder("h", "webhook").url(other).build().keepingSecretsOf(stored).secret(), other);
        }
        OutputSpec samePlace = OutputSpec.builder("h", "webhook").url("https://HOOKS.example:443/other-path").build();
        assertEquals("k", samePlace.keepingSecretsOf(stored).secret());
        assertEquals(Map.of("Authorization", "tok"), samePlace.keepingSecretsOf(stored).headers());
        OutputSpec resent = OutputSpec.builder("h", "webhook").url("https://new.example/in").secret("k2").build();
        assertEquals("k2", resent.keepingSecretsOf(stored).secret(), "sent again with the new url: kept");
    }

    @Test
    void slackTextCannotMentionEveryoneOrDisguiseALink() throws Exception {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("proc.cmdline", "curl <!channel> <https://evil.example|https://bank.example> & more");
        fields.put("fd.name", "/tmp/<@U123>");
        Alert a = new Alert("u-1", java.time.Instant.now(), "Rule <!here>", Priority.CRITICAL,
                "Shell <!channel> spawned by <https://evil.example|click>", fields, "syscall", List.of("<!everyone>"), "node-<1>");
        SlackOutput slack = new SlackOutput(OutputSpec.builder("s", "slack").url("https://hooks.example/T/B/X").build());
        SlackOutput templated = new SlackOutput(OutputSpec.builder("s", "slack").url("https://hooks.example/T/B/X")
                .template("${rule}: ${proc.cmdline}").build());
        for (SlackOutput out : List.of(slack, templated)) {
            String json = new String(out.message(Notification.of(a)), StandardCharsets.UTF_8);
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            List<String> texts = new java.util.ArrayList<>();
            root.findValues("text").forEach(n -> texts.add(n.asText()));
            root.findValues("title").forEach(n -> texts.add(n.asText()));
            root.findValues("value").forEach(n -> texts.add(n.asText()));
            root.findValues("fallback").forEach(n -> texts.add(n.asText()));
            for (String t : texts) {
                assertFalse(t.contains("<") || t.contains(">"), t);
            }
            assertTrue(texts.stream().anyMatch(t -> t.contains("curl &lt;!channel&gt; &lt;https://evil.example|https://bank.example&gt; &amp; more")),
                    texts.toString());
            out.close();
        }
    }
}
