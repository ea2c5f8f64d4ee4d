package io.peregrine.e2e;

import static io.peregrine.e2e.HostileService.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.ConsumerInfo;
import io.peregrine.e2e.HostileService.Case;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * notify-svc's inputs made hostile: output declarations over REST that reach beyond what outputs
 * may (NATS subjects of the server, of Peregrine or of the alert stream; files outside the output
 * directory) or are malformed, and alerts on the alert stream that cannot be read (garbage, too
 * large, too deep). Each declaration gets its 4xx and reason; each unreadable alert is counted by
 * reason, kept on the dead-letter subject and terminated (never redelivered); a good alert after
 * them is still delivered. The service runs with the heap of its image on a stream of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyHostileInputTest {

    static final String JSON_TYPE = "application/json";
    static final int MAX_ALERT_BYTES = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String stream = "HOSTILE_ALERTS_" + run.toUpperCase();
    private final String subject = "hostile." + run + ".alerts";
    private final String deadStream = "HOSTILE_DEAD_" + run.toUpperCase();
    private final String deadSubject = "hostile." + run + ".deadletter";
    private final String durable = "hostile-" + run;
    private HostileService svc;
    private Connection nats;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEREGRINE_NOTIFY_STREAM", stream);
        env.put("PEREGRINE_NOTIFY_SUBJECTS", subject + ".>");
        env.put("PEREGRINE_NOTIFY_DURABLE", durable);
        env.put("PEREGRINE_NOTIFY_DEAD_LETTER_STREAM", deadStream);
        env.put("PEREGRINE_NOTIFY_DEAD_LETTER_SUBJECT", deadSubject);
        env.put("PEREGRINE_NOTIFY_MAX_ALERT_BYTES", Integer.toString(MAX_ALERT_BYTES));
        env.put("PEREGRINE_NOTIFY_FILE_OUTPUT_DIRECTORY", "/tmp/peregrine-hostile-notify-" + run);
        svc = HostileService.start("notify-svc", env);
        nats = Nats.connect(svc.natsUrl);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (nats != null) {
                JetStreamManagement jsm = nats.jetStreamManagement();
                for (String s : List.of(stream, deadStream)) {
                    try {
                        jsm.deleteStream(s);
                    } catch (Exception gone) {
                        // never created
                    }
                }
                nats.close();
            }
        } finally {
            if (svc != null) {
                // A case that wrongly got its 201 leaves nothing in the shared database for later tests.
                for (String name : List.of("h-nats", "h-file", "h-term", "h-web", "h-x", "h-agg", "h-rules", "h-deep",
                        "h-view", "h-one", "h-two", "n".repeat(65))) {
                    svc.send("DELETE", "/api/v1/outputs/" + name, "admin", null, null);
                }
                svc.close();
            }
        }
    }

    // ------------------------------------------------------------------ readiness

    @Test
    void aStreamNatsRefusesKeepsTheServiceUnreadyAndIsNamed() throws Exception {
        // Its subjects overlap those of the alert stream above: NATS refuses to create it.
        String refused = "HOSTILE_REFUSED_" + run.toUpperCase();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEREGRINE_NOTIFY_STREAM", refused);
        env.put("PEREGRINE_NOTIFY_SUBJECTS", subject + ".>");
        env.put("PEREGRINE_NOTIFY_DURABLE", durable + "-refused");
        env.put("PEREGRINE_NOTIFY_DEAD_LETTER_STREAM", deadStream);
        env.put("PEREGRINE_NOTIFY_DEAD_LETTER_SUBJECT", deadSubject);
        try (HostileService other = HostileService.launch("notify-svc", env)) {
            HttpResponse<String> r = other.readiness();
            for (int i = 0; i < 240 && !r.body().contains(refused); i++) {
                Thread.sleep(250);
                r = other.readiness();
            }
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains(refused) && r.body().contains("overlap"), r.body() + "\n" + other.tail(20));
        }
    }

    // ------------------------------------------------------------------ output declarations

    @TestFactory
    Stream<DynamicTest> eachHostileDeclarationGetsItsAnswer() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> svc.check(c)));
    }

    private List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        String reserved = "is reserved";
        cs.add(output("NATS output on the JetStream API", nats("$JS.API.STREAM.DELETE.PEREGRINE_ALERTS"), 400, reserved));
        cs.add(output("NATS output on the KV bucket of the interest", nats("$KV.peregrine_interest.interest"), 400, reserved));
        cs.add(output("NATS output on the system account", nats("$SYS.REQ.SERVER.PING"), 400, reserved));
        cs.add(output("NATS output on Peregrine's alert subjects", nats("peregrine.alerts.forged"), 400, reserved));
        cs.add(output("NATS output on Peregrine's raw frames", nats("peregrine.raw.node-a"), 400, reserved));
        cs.add(output("NATS output on reply inboxes", nats("_INBOX.abc"), 400, reserved));
        cs.add(output("NATS output on the configured alert stream", nats(subject + ".x"), 400, reserved));
        cs.add(output("NATS output on the configured dead-letter subject", nats(deadSubject), 400, reserved));
        // Accepted before: every alert then failed at the server (its protocol line holds 4 KiB).
        cs.add(output("NATS output on a subject of 5000 characters", nats("a." + "b".repeat(5000)), 400,
                "subject is at most 1024 characters"));
        cs.add(output("NATS output on a wildcard", nats("alerts.*"), 400, "without wildcards"));
        cs.add(output("file output at an absolute path outside the directory",
                "{\"name\":\"h-file\",\"type\":\"file\",\"path\":\"/etc/cron.d/peregrine\"}", 400, "path must be a file in"));
        cs.add(output("file output climbing out with ..",
                "{\"name\":\"h-file\",\"type\":\"file\",\"path\":\"../../etc/passwd\"}", 400, "may not contain '..'"));
        cs.add(output("terminal output on the directory itself",
                "{\"name\":\"h-term\",\"type\":\"terminal\",\"path\":\"/tmp/peregrine-hostile-notify-" + run + "\"}", 400,
                "path must be a file in"));
        cs.add(output("file output with a NUL in its path",
                "{\"name\":\"h-file\",\"type\":\"file\",\"path\":\"a\\u0000b.log\"}", 400, "not a valid file name"));
        cs.add(output("webhook to a file: URL", "{\"name\":\"h-web\",\"type\":\"webhook\",\"url\":\"file:///etc/passwd\"}",
                400, "url must be an http or https URL"));
        cs.add(output("a name of 65 characters", "{\"name\":\"" + "n".repeat(65) + "\",\"type\":\"terminal\"}", 400,
                "name must be 1-64 characters"));
        cs.add(output("an unknown type", "{\"name\":\"h-x\",\"type\":\"shell\"}", 400, "type must be one of"));
        cs.add(output("an aggregation window of an hour",
                "{\"name\":\"h-agg\",\"type\":\"terminal\",\"aggregation\":{\"window\":\"PT1H\"}}", 400, "at most PT10M"));
        cs.add(output("a rule pattern of 5000 characters",
                "{\"name\":\"h-rules\",\"type\":\"terminal\",\"includeRules\":[\"" + "*".repeat(5000) + "\"]}", 400,
                "at most 1024 characters"));
        cs.add(output("a body that is not JSON", "{\"name\": ", 400, ""));
        cs.add(output("headers nested 100,000 levels", "{\"name\":\"h-deep\",\"type\":\"webhook\",\"url\":\"http://x\","
                + "\"headers\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 400, ""));
        cs.add(new Case("a viewer may not declare outputs", "POST", "/api/v1/outputs", "viewer", JSON_TYPE,
                utf8("{\"name\":\"h-view\",\"type\":\"terminal\"}"), 403, ""));
        cs.add(new Case("PUT whose body names another output", "PUT", "/api/v1/outputs/h-one", "editor", JSON_TYPE,
                utf8("{\"name\":\"h-two\",\"type\":\"terminal\"}"), 400, "differs from the path"));
        cs.add(new Case("testing an output that does not exist", "POST", "/api/v1/outputs/h-none/test", "editor", null,
                null, 404, "no output named h-none"));
        cs.add(new Case("alert history with a limit of a million", "GET", "/api/v1/alerts?limit=1000000", "viewer", null,
                null, 400, "limit must be 1-1000"));
        return cs;
    }

    private static String nats(String subject) {
        return "{\"name\":\"h-nats\",\"type\":\"nats\",\"subject\":\"" + subject + "\"}";
    }

    private static Case output(String name, String json, int status, String detail) {
        return new Case(name, "POST", "/api/v1/outputs", "editor", JSON_TYPE, utf8(json), status, detail);
    }

    // ------------------------------------------------------------------ alerts on the stream

    @Test
    void unreadableAlertsAreCountedDeadLetteredAndNotRedelivered() throws Exception {
        double malformed = svc.metric("peregrine_notify_rejected_total", "reason=\"malformed\"");
        double tooDeep = svc.metric("peregrine_notify_rejected_total", "reason=\"too_deep\"");
        double tooLarge = svc.metric("peregrine_notify_rejected_total", "reason=\"too_large\"");
        Subscription dead = nats.subscribe(deadSubject);
        nats.flush(Duration.ofSeconds(5));
        var js = nats.jetStream();
        byte[] random = new byte[4096];
        new Random(17).nextBytes(random);
        List<byte[]> bad = List.of(utf8("not an alert"), new byte[0], random, utf8("[1, 2, 3]"),
                utf8("{\"output_fields\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                utf8("{\"rule\": \"" + "x".repeat(MAX_ALERT_BYTES) + "\"}"));
        for (byte[] b : bad) {
            js.publish(subject + ".hostile", b);
        }
        // A good alert after them still goes through (its history row shows it was taken).
        String rule = "hostile-good-" + run;
        Alert good = new Alert(UUID.randomUUID().toString(), Instant.now(), rule, Priority.WARNING, "a good alert",
                Map.of("proc.name", "sh"), "syscall", List.of("hostile"), "hostile-host");
        js.publish(subject + ".good", utf8(AlertJson.encode(good)));

        for (int i = 0; i < bad.size(); i++) {
            Message m = dead.nextMessage(Duration.ofSeconds(60));
            assertNotNull(m, "dead letter " + (i + 1) + " of " + bad.size() + "\n" + svc.tail(30));
        }
        String body = "[]";
        for (int i = 0; i < 240 && body.equals("[]"); i++) {
            body = svc.get("/api/v1/alerts?rule=" + rule, "viewer").body();
            if (body.equals("[]")) {
                Thread.sleep(250);
            }
        }
        assertEquals(good.uuid(), JSON.readTree(body).path(0).path("uuid").asText(), body);
        assertEquals(malformed + 4, svc.metric("peregrine_notify_rejected_total", "reason=\"malformed\""));
        assertEquals(tooDeep + 1, svc.metric("peregrine_notify_rejected_total", "reason=\"too_deep\""));
        assertEquals(tooLarge + 1, svc.metric("peregrine_notify_rejected_total", "reason=\"too_large\""));

        // Terminated, not handed back: nothing pending, nothing waiting for an ack, nothing redelivered.
        ConsumerInfo ci = nats.jetStreamManagement().getConsumerInfo(stream, durable);
        for (int i = 0; i < 120 && (ci.getNumAckPending() > 0 || ci.getNumPending() > 0); i++) {
            Thread.sleep(250);
            ci = nats.jetStreamManagement().getConsumerInfo(stream, durable);
        }
        assertEquals(0, ci.getNumPending(), ci.toString());
        assertEquals(0, ci.getNumAckPending(), ci.toString());
        assertEquals(0, ci.getRedelivered(), ci.toString());
        assertNull(dead.nextMessage(Duration.ofMillis(500)), "one dead letter per unreadable alert");
        svc.assertSameProcess();
    }
}
