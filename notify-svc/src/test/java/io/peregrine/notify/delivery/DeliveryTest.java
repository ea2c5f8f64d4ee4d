package io.peregrine.notify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Message;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.notify.output.Outputs;
import io.peregrine.notify.output.Signature;
import io.peregrine.notify.output.WebhookOutput;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.peregrine.notify.delivery.JetStreamFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts from a real JetStream stream to local receivers: acknowledgement, retries, dead letters, restarts. */
class DeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200));

    private JetStreamFixture js;
    private SimpleMeterRegistry registry;
    private DeliveryMetrics metrics;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        js = new JetStreamFixture();
        registry = new SimpleMeterRegistry();
        metrics = new DeliveryMetrics(registry);
    }

    @AfterEach
    void tearDown() throws Exception {
        js.close();
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Receiver receiver() throws Exception {
        Receiver r = new Receiver();
        closing.add(r);
        return r;
    }

    private OutputSet outputs(RetryPolicy retry, OutputSpec... specs) {
        OutputSet set = new OutputSet(js.timer);
        List<OutputChannel> channels = new ArrayList<>();
        for (OutputSpec s : specs) {
            channels.add(new OutputChannel(s, Outputs.create(s, js.nats), retry, metrics, js.timer));
        }
        set.replace(channels);
        closing.add(set);
        return set;
    }

    private List<Alert> publish(int n, Priority p) throws Exception {
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Alert a = Alerts.alert("Terminal shell in container", p);
            js.publish(a);
            out.add(a);
        }
        return out;
    }

    private static Set<String> uuids(List<Receiver.Request> requests) {
        return requests.stream().map(r -> r.header(WebhookOutput.ALERT_ID_HEADER)).collect(Collectors.toSet());
    }

    @Test
    void webhookTakesFalcoJsonUnchangedSignedWithHeadersAndEachAlertIsAcked() throws Exception {
        Receiver hook = receiver();
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url())
                .secret("s3cret").headers(Map.of("X-Team", "blue")).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        List<Alert> sent = publish(20, Priority.WARNING);

        await("all acked", () -> js.allAcked("notify") && hook.accepted().size() >= 20);
        assertEquals(20, hook.accepted().size(), "each alert delivered exactly once when nothing fails");
        Set<String> expected = sent.stream().map(Alert::uuid).collect(Collectors.toSet());
        assertEquals(expected, uuids(hook.accepted()));
        for (Receiver.Request r : hook.accepted()) {
            Alert a = AlertJson.decode(r.text());
            assertEquals(a.uuid(), r.header(WebhookOutput.ALERT_ID_HEADER));
            Alert original = sent.stream().filter(s -> s.uuid().equals(a.uuid())).findFirst().orElseThrow();
            assertArrayEquals(AlertJson.encode(original).getBytes(StandardCharsets.UTF_8), r.body(), "body unchanged");
            assertEquals(Signature.sign("s3cret", r.body()), r.header(Signature.HEADER));
            assertEquals("blue", r.header("X-Team"));
            assertEquals("application/json", r.header("Content-Type"));
        }
        assertEquals(20.0, metrics.delivered("hook"));
        assertTrue(registry.find("peregrine.notify.delivery.latency").tag("output", "hook").timer().count() == 20);
    }

    @Test
    void signatureOfATamperedBodyDoesNotVerify() {
        byte[] body = "{\"uuid\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String sig = Signature.sign("k", body);
        assertFalse(sig.equals(Signature.sign("k", "{\"uuid\":\"y\"}".getBytes(StandardCharsets.UTF_8))));
        assertFalse(sig.equals(Signature.sign("other", body)));
        assertTrue(sig.matches("sha256=[0-9a-f]{64}"));
    }

    @Test
    void failuresAreRetriedUntilDelivered() throws Exception {
        Receiver hook = receiver().behave(n -> n <= 3 ? 503 : 200);
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = publish(1, Priority.CRITICAL).getFirst();

        await("acked", () -> js.allAcked("notify") && hook.accepted().size() == 1);
        assertEquals(4, hook.received());
        assertEquals(a.uuid(), hook.accepted().getFirst().header(WebhookOutput.ALERT_ID_HEADER));
        assertEquals(3.0, registry.find("peregrine.notify.retried").tag("output", "hook").counter().count());
        assertEquals(3.0, registry.find("peregrine.notify.failed").tag("output", "hook").counter().count());
        assertTrue(js.deadLetters().isEmpty());
    }

    @Test
    void slackGetsAReadableMessageAndA429IsRetriedAfterRetryAfter() throws Exception {
        Receiver slack = receiver().behave(n -> n == 1 ? 429 : 200).retryAfter("1");
        OutputSet set = outputs(FAST, OutputSpec.builder("slack", "slack").url(slack.url()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = publish(1, Priority.CRITICAL).getFirst();

        await("acked", () -> js.allAcked("notify") && slack.accepted().size() == 1);
        List<Receiver.Request> all = slack.all();
        assertEquals(429, all.get(0).status());
        // The receiver asked for one second; backoff alone (<= 200 ms here) would have come back sooner.
        assertTrue(Duration.between(all.get(0).at(), all.get(1).at()).toMillis() >= 950, "Retry-After honoured");

        JsonNode msg = JSON.readTree(all.get(1).body());
        JsonNode att = msg.get("attachments").get(0);
        assertEquals("#e01e5a", att.get("color").asText());
        assertEquals(a.rule(), att.get("title").asText());
        assertEquals(a.output(), att.get("text").asText());
        Map<String, String> fields = new java.util.HashMap<>();
        att.get("fields").forEach(f -> fields.put(f.get("title").asText(), f.get("value").asText()));
        assertEquals("Critical", fields.get("priority"));
        assertEquals("node-1", fields.get("hostname"));
        assertEquals("web (3ad7b26ded6d)", fields.get("container"));
        assertEquals("container, shell", fields.get("tags"));
        assertEquals("bash -x", fields.get("proc.cmdline"));
        assertEquals(AlertJson.formatTime(a.time()), fields.get("time"));
        assertEquals(a.uuid(), fields.get("uuid"));
    }

    @Test
    void afterTheLastAttemptTheAlertGoesToTheDeadLetterSubjectWithTheReasonAndIsAcked(@TempDir Path dir) throws Exception {
        Receiver hook = receiver().behave(n -> 500);
        Path file = dir.resolve("alerts.jsonl");
        OutputSet set = outputs(FAST,
                OutputSpec.builder("hook", "webhook").url(hook.url()).build(),
                OutputSpec.builder("file", "file").path(file.toString()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = publish(1, Priority.ERROR).getFirst();

        await("acked", () -> js.allAcked("notify") && hook.received() == 4);
        List<Message> dead = js.deadLetters();
        assertEquals(1, dead.size());
        Message d = dead.getFirst();
        assertEquals(a.uuid(), AlertJson.decode(new String(d.getData(), StandardCharsets.UTF_8)).uuid());
        String reason = d.getHeaders().getFirst(AlertConsumer.REASON_HEADER);
        assertTrue(reason.contains("hook: HTTP 500 after 4 attempt(s)"), reason);
        assertEquals("hook", d.getHeaders().getFirst(AlertConsumer.FAILED_OUTPUTS_HEADER));
        assertEquals(1.0, registry.find("peregrine.notify.dead.lettered").tag("output", "hook").counter().count());
        // The output that worked still got it.
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        Receiver hook = receiver().behave(n -> 400);
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        publish(1, Priority.ERROR);

        await("dead-lettered", () -> js.allAcked("notify") && hook.received() == 1);
        List<Message> dead = js.deadLetters();
        assertEquals(1, dead.size());
        assertTrue(dead.getFirst().getHeaders().getFirst(AlertConsumer.REASON_HEADER).contains("HTTP 400 after 1 attempt(s)"));
        assertEquals(1, hook.received());
    }

    @Test
    void unreadableInputIsKeptOnTheDeadLetterSubject() throws Exception {
        Receiver hook = receiver();
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        byte[] junk = "{\"uuid\": \"x\", \"rule\": ".getBytes(StandardCharsets.UTF_8);
        js.publishRaw(js.prefix + ".error.junk", junk);

        await("acked", () -> js.allAcked("notify"));
        List<Message> dead = js.deadLetters();
        assertEquals(1, dead.size());
        assertArrayEquals(junk, dead.getFirst().getData());
        assertTrue(dead.getFirst().getHeaders().getFirst(AlertConsumer.REASON_HEADER).startsWith("invalid alert"));
        assertEquals(0, hook.received());
    }

    @Test
    void anAlertNestedThreeHundredThousandLevelsDeepIsCountedDeadLetteredAndNotRedelivered() throws Exception {
        Receiver hook = receiver();
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        byte[] deep = ("{\"rule\":" + "[".repeat(300_000) + "]".repeat(300_000) + "}").getBytes(StandardCharsets.UTF_8);
        js.publishRaw(js.prefix + ".error.deep", deep);
        Alert next = publish(1, Priority.ERROR).getFirst();

        await("both settled", () -> js.allAcked("notify") && hook.accepted().size() == 1);
        assertEquals(next.uuid(), hook.accepted().getFirst().header(WebhookOutput.ALERT_ID_HEADER));
        List<Message> dead = js.deadLetters();
        assertEquals(1, dead.size());
        assertArrayEquals(deep, dead.getFirst().getData());
        String reason = dead.getFirst().getHeaders().getFirst(AlertConsumer.REASON_HEADER);
        assertTrue(reason.contains("nested deeper than 32 levels"), reason);
        assertEquals(1.0, registry.find("peregrine.notify.rejected").tag("reason", "too_deep").counter().count());
        // Terminated, not left to come back: each of the two alerts was handed out exactly once.
        assertEquals(2, js.consumerInfo("notify").getDelivered().getConsumerSequence());
    }

    @Test
    void anAlertLargerThanTheLimitIsRefusedUnread() throws Exception {
        Receiver hook = receiver();
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).build());
        ConsumerSettings small = new ConsumerSettings(js.stream, js.prefix + ".>", "notify", js.deadSubject,
                Duration.ofSeconds(30), 8, 8, 4, 4096);
        js.consumer(small, set, metrics);
        Alert big = new Alert("big-1", java.time.Instant.now(), "Big", Priority.ERROR, "x".repeat(8192), Map.of(),
                "syscall", List.of(), "node-1");
        js.publish(big);
        js.publishRaw(js.prefix + ".error.junk", "{\"uuid\": ".getBytes(StandardCharsets.UTF_8));

        await("settled", () -> js.allAcked("notify"));
        assertEquals(0, hook.received());
        List<Message> dead = js.deadLetters();
        assertEquals(2, dead.size());
        assertTrue(dead.stream().anyMatch(d -> d.getHeaders().getFirst(AlertConsumer.REASON_HEADER)
                .contains("more than the limit of 4096")));
        assertEquals(1.0, registry.find("peregrine.notify.rejected").tag("reason", "too_large").counter().count());
        assertEquals(1.0, registry.find("peregrine.notify.rejected").tag("reason", "malformed").counter().count());
    }

    @Test
    void theDurableConsumerRedeliversABoundedNumberOfTimesAfterTheAckWait() throws Exception {
        OutputSet set = outputs(FAST);
        ConsumerSettings s = new ConsumerSettings(js.stream, js.prefix + ".>", "notify", js.deadSubject,
                Duration.ofSeconds(30), 8, 8, 6, 4096);
        js.consumer(s, set, metrics);
        await("consumer created", () -> {
            try {
                return js.consumerInfo("notify") != null;
            } catch (Exception e) {
                return false;
            }
        });
        io.nats.client.api.ConsumerConfiguration cc = js.consumerInfo("notify").getConsumerConfiguration();
        assertEquals(6, cc.getMaxDeliver());
        // no back-off: a handed-back alert comes again after the ack wait, not minutes later
        assertTrue(cc.getBackoff() == null || cc.getBackoff().isEmpty(), "backoff: " + cc.getBackoff());
        assertEquals(Duration.ofSeconds(30), cc.getAckWait());
    }

    @Test
    void aHangingReceiverTimesOutAndIsRetried() throws Exception {
        Receiver hook = receiver().behave(n -> n == 1 ? Receiver.HANG : 200);
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url()).timeoutMillis(300).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = publish(1, Priority.ERROR).getFirst();

        await("acked", () -> js.allAcked("notify") && hook.accepted().size() == 1);
        assertEquals(a.uuid(), hook.accepted().getFirst().header(WebhookOutput.ALERT_ID_HEADER));
        assertTrue(js.deadLetters().isEmpty());
    }

    @Test
    void aReceiverThatIsDownThenBackGetsEveryAlert() throws Exception {
        Receiver hook = receiver();
        hook.down();
        // Enough attempts to outlast a 30-second outage: 20 ms doubling to 5 s, 20 attempts (about a minute).
        RetryPolicy patient = new RetryPolicy(20, Duration.ofMillis(20), Duration.ofSeconds(5));
        OutputSet set = outputs(patient, OutputSpec.builder("hook", "webhook").url(hook.url()).timeoutMillis(1000).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        List<Alert> sent = publish(30, Priority.WARNING);

        await("attempts failing", () -> registry.find("peregrine.notify.failed").tag("output", "hook").counter() != null
                && registry.find("peregrine.notify.failed").tag("output", "hook").counter().count() >= 60);
        Thread.sleep(30_000); // the receiver stays down for 30 seconds
        hook.up();

        await("all acked", () -> js.allAcked("notify"));
        assertEquals(sent.stream().map(Alert::uuid).collect(Collectors.toSet()), uuids(hook.accepted()));
        assertTrue(js.deadLetters().isEmpty());
    }

    @Test
    void replicasShareTheDurableConsumerAndEachAlertIsDeliveredOnce() throws Exception {
        Receiver hook = receiver();
        OutputSpec spec = OutputSpec.builder("hook", "webhook").url(hook.url()).build();
        js.consumer("notify", outputs(FAST, spec), metrics, Duration.ofSeconds(30));
        js.consumer("notify", outputs(FAST, spec), metrics, Duration.ofSeconds(30));
        List<Alert> sent = publish(200, Priority.NOTICE);

        await("all acked", () -> js.allAcked("notify") && hook.accepted().size() >= 200);
        assertEquals(200, hook.accepted().size());
        assertEquals(sent.stream().map(Alert::uuid).collect(Collectors.toSet()), uuids(hook.accepted()));
    }

    @Test
    void aConsumerStoppedMidDeliveryLosesNothingItsSuccessorDeliversTheRest() throws Exception {
        Receiver hook = receiver().delay(20);
        OutputSpec spec = OutputSpec.builder("hook", "webhook").url(hook.url()).build();
        // A short ack wait so the successor gets the abandoned alerts within seconds.
        AlertConsumer first = new AlertConsumer(js.nats, new ConsumerSettings(js.stream, js.prefix + ".>", "notify",
                js.deadSubject, Duration.ofSeconds(2), 8, 8), outputs(FAST, spec), metrics, a -> { }, js.timer);
        first.start();
        List<Alert> sent = publish(150, Priority.WARNING);
        await("some delivered", () -> hook.accepted().size() >= 20);
        first.abort();
        int beforeRestart = hook.accepted().size();
        assertTrue(beforeRestart < 150, "stopped mid-stream");

        js.consumer("notify", outputs(FAST, spec), metrics, Duration.ofSeconds(2));
        await("all acked", () -> js.allAcked("notify"));
        Set<String> got = new HashSet<>(uuids(hook.accepted()));
        assertEquals(sent.stream().map(Alert::uuid).collect(Collectors.toSet()), got, "every alert delivered");
        // Duplicates only for alerts that were under way when the first consumer stopped.
        assertTrue(hook.accepted().size() - 150 <= 8 + 8, "duplicates: " + (hook.accepted().size() - 150));
        assertTrue(js.deadLetters().isEmpty());
    }

    @Test
    void aBacklogFarLargerThanTheDeliverySlotsIsDeliveredWithoutWaitingForTheAckWait() throws Exception {
        // One slot and a slow receiver: 30 alerts take about 9 s, longer than a fetch and its heartbeat
        // alarm. Alerts left waiting in a fetch would be dropped by the client and come back only after
        // the ack wait, which is longer than the wait below.
        Receiver hook = receiver().delay(300);
        OutputSpec spec = OutputSpec.builder("hook", "webhook").url(hook.url()).build();
        ConsumerSettings s = new ConsumerSettings(js.stream, js.prefix + ".>", "notify", js.deadSubject,
                Duration.ofSeconds(120), 1, 64, ConsumerSettings.DEFAULT_MAX_DELIVER, ConsumerSettings.DEFAULT_MAX_ALERT_BYTES);
        js.consumer(s, outputs(FAST, spec), metrics);
        List<Alert> sent = publish(30, Priority.WARNING);

        await("every alert delivered, well within the ack wait",
                () -> uuids(hook.accepted()).containsAll(sent.stream().map(Alert::uuid).toList()));
        assertEquals(30, hook.accepted().size(), "each once");
    }

    @Test
    void aConsumerStoppedWhileAlertsArriveHandsThemBackAndItsSuccessorDeliversEachWithinTheAckWait() throws Exception {
        Receiver hook = receiver().delay(200);
        OutputSpec spec = OutputSpec.builder("hook", "webhook").url(hook.url()).build();
        // An ack wait longer than the wait below: only a hand-back can bring an alert to the successor in time.
        Duration ackWait = Duration.ofSeconds(120);
        ConsumerSettings s = new ConsumerSettings(js.stream, js.prefix + ".>", "notify", js.deadSubject, ackWait, 8, 64,
                ConsumerSettings.DEFAULT_MAX_DELIVER, ConsumerSettings.DEFAULT_MAX_ALERT_BYTES);
        AlertConsumer first = new AlertConsumer(js.nats, s, outputs(FAST, spec), metrics, a -> { }, js.timer);
        first.start();
        List<Alert> sent = new java.util.concurrent.CopyOnWriteArrayList<>(publish(10, Priority.WARNING));
        await("first delivery", () -> !hook.accepted().isEmpty());
        // Alerts keep arriving while the consumer stops, so they land in its still-open fetch.
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread publisher = Thread.ofPlatform().start(() -> {
            while (publishing.get()) {
                try {
                    sent.addAll(publish(1, Priority.WARNING));
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        Thread.sleep(500);
        int beforeStop = sent.size();
        first.stop(Duration.ofSeconds(5));
        publishing.set(false);
        publisher.join();
        assertTrue(sent.size() > beforeStop, "alerts published while stopping: " + (sent.size() - beforeStop));

        js.consumer(s, outputs(FAST, spec), metrics);
        Set<String> expected = sent.stream().map(Alert::uuid).collect(Collectors.toSet());
        try {
            await("every alert delivered, well within the ack wait", () -> uuids(hook.accepted()).containsAll(expected));
        } catch (AssertionError e) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(uuids(hook.accepted()));
            io.nats.client.api.ConsumerInfo ci = js.consumerInfo("notify");
            throw new AssertionError(missing.size() + " of " + expected.size() + " alerts not delivered; consumer: pending "
                    + ci.getNumPending() + ", ack pending " + ci.getNumAckPending() + ", redelivered " + ci.getRedelivered()
                    + ", waiting " + ci.getNumWaiting(), e);
        }
        assertTrue(js.deadLetters().isEmpty());
    }

    @Test
    void filtersPickTheOutputsOfEachAlert() throws Exception {
        Receiver critical = receiver();
        Receiver shells = receiver();
        OutputSet set = outputs(FAST,
                OutputSpec.builder("critical", "webhook").url(critical.url()).minPriority("critical").build(),
                OutputSpec.builder("shells", "webhook").url(shells.url()).includeTags("shell")
                        .excludeRules("Noisy*").build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert crit = Alerts.alert("Write below etc", Priority.CRITICAL, List.of("filesystem"), "vi");
        Alert shell = Alerts.alert("Terminal shell in container", Priority.NOTICE, List.of("shell"), "bash");
        Alert noisy = Alerts.alert("Noisy shell", Priority.EMERGENCY, List.of("shell"), "sh");
        for (Alert a : List.of(crit, shell, noisy)) {
            js.publish(a);
        }

        await("all acked", () -> js.allAcked("notify"));
        assertEquals(Set.of(crit.uuid(), noisy.uuid()), uuids(critical.accepted()));
        assertEquals(Set.of(shell.uuid()), uuids(shells.accepted()));
    }

    @Test
    void alertsOfOneRuleAndKeyWithinTheWindowBecomeOneNotificationWithACount() throws Exception {
        Receiver hook = receiver();
        OutputSet set = outputs(FAST, OutputSpec.builder("hook", "webhook").url(hook.url())
                .aggregation(Duration.ofSeconds(1), "proc.name").build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        List<String> bash = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Alert a = Alerts.alert("Terminal shell in container", Priority.WARNING, List.of("shell"), "bash");
            bash.add(a.uuid());
            js.publish(a);
        }
        Alert zsh = Alerts.alert("Terminal shell in container", Priority.WARNING, List.of("shell"), "zsh");
        js.publish(zsh);

        await("all acked", () -> js.allAcked("notify"));
        assertEquals(2, hook.accepted().size());
        Map<String, JsonNode> byProc = new java.util.HashMap<>();
        for (Receiver.Request r : hook.accepted()) {
            JsonNode n = JSON.readTree(r.body());
            byProc.put(n.get("output_fields").get("proc.name").asText(), n);
        }
        assertEquals(5, byProc.get("bash").get("count").asInt());
        Set<String> ids = new HashSet<>();
        byProc.get("bash").get("uuids").forEach(u -> ids.add(u.asText()));
        assertEquals(new HashSet<>(bash), ids);
        // A group of one is the alert as published.
        assertFalse(byProc.get("zsh").has("count"));
        assertEquals(zsh.uuid(), byProc.get("zsh").get("uuid").asText());
        assertEquals(5.0 + 1.0, metrics.delivered("hook"));
    }

    @Test
    void natsOutputRepublishesOnItsSubjectWithTheAlertId() throws Exception {
        String subject = "t" + js.id + ".republished";
        io.nats.client.Subscription sub = js.nats.subscribe(subject);
        js.nats.flush(Duration.ofSeconds(2));
        OutputSet set = outputs(FAST, OutputSpec.builder("bus", "nats").subject(subject).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = publish(1, Priority.ALERT).getFirst();

        Message m = sub.nextMessage(Duration.ofSeconds(30));
        assertArrayEquals(AlertJson.encode(a).getBytes(StandardCharsets.UTF_8), m.getData());
        assertEquals(a.uuid(), m.getHeaders().getFirst("Nats-Msg-Id"));
        await("acked", () -> js.allAcked("notify"));
    }

    @Test
    void terminalFileGetsOneReadableLinePerAlert(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.log");
        OutputSet set = outputs(FAST, OutputSpec.builder("terminal", "terminal").path(file.toString()).build());
        js.consumer("notify", set, metrics, Duration.ofSeconds(30));
        Alert a = Alerts.alert("Read sensitive file", Priority.WARNING, List.of(), "cat");
        js.publish(a);

        await("acked", () -> js.allAcked("notify"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of(a.output() + " [Read sensitive file]"), lines);
    }
}
