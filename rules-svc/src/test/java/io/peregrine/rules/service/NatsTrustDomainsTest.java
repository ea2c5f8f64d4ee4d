package io.peregrine.rules.service;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.kit.nats.NatsSettings;
import io.peregrine.protocol.Subjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The services' NATS users as the Kubernetes manifests define them (kubernetes/base/nats.conf and
 * nats-permissions.conf, run by a real nats-server): each may do what its service needs and no
 * more. A taken-over capture-svc in particular can neither rewrite the interest (blinding the
 * capture) nor publish alerts nor forge projected events.
 */
class NatsTrustDomainsTest {

    private static final KubernetesNats NATS = new KubernetesNats();
    private static final String NOTIFY_DURABLE = "peregrine-notify";

    @BeforeAll
    static void start() {
        NATS.start();
    }

    @AfterAll
    static void stop() {
        NATS.stop();
    }

    /** A connection as {@code user} that keeps the server's permission errors. */
    private record Client(Connection c, Queue<String> errors) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            c.close();
        }

        /** Waits (bounded) until the server has reported a violation mentioning {@code subject}. */
        boolean violated(String subject) throws InterruptedException {
            for (int i = 0; i < 200; i++) {
                if (errors.stream().anyMatch(e -> e.contains("Permissions Violation") && e.contains(subject))) {
                    return true;
                }
                Thread.sleep(25);
            }
            return false;
        }
    }

    private static Client connect(String user) throws Exception {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        Options o = new Options.Builder().server(NATS.url())
                .userInfo(user.toCharArray(), KubernetesNats.password(user).toCharArray())
                .inboxPrefix(NatsSettings.inboxPrefix(user))
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        errors.add(error);
                    }
                })
                .build();
        return new Client(Nats.connect(o), errors);
    }

    /**
     * Publishes each subject as {@code user}, then a marker it may publish; the observer, which sees
     * everything, gets one connection's messages in order, so what has not arrived before the
     * marker was never delivered. Returns the subjects that got through.
     */
    private static List<String> delivered(String user, String marker, String... subjects) throws Exception {
        try (Client observer = connect(KubernetesNats.OBSERVER); Client c = connect(user)) {
            Subscription all = observer.c().subscribe(">");
            observer.c().flush(Duration.ofSeconds(5));
            for (String s : subjects) {
                c.c().publish(s, "x".getBytes(StandardCharsets.US_ASCII));
            }
            c.c().publish(marker, "marker".getBytes(StandardCharsets.US_ASCII));
            c.c().flush(Duration.ofSeconds(5));
            List<String> got = new ArrayList<>();
            for (Message m; (m = all.nextMessage(Duration.ofSeconds(10))) != null; ) {
                if (m.getSubject().equals(marker) && "marker".equals(new String(m.getData(), StandardCharsets.US_ASCII))) {
                    return got;
                }
                got.add(m.getSubject());
            }
            fail(user + "'s marker on " + marker + " never arrived: " + got);
            return got;
        }
    }

    private static void assertOnly(List<String> allowed, List<String> got, String... published) {
        for (String s : published) {
            assertEquals(allowed.contains(s), got.contains(s), s + (allowed.contains(s) ? " refused" : " let through") + ": " + got);
        }
    }

    @Test
    void eachServicePublishesOnlyOnItsOwnSubjects() throws Exception {
        String raw = Subjects.raw("node-1");
        String events = Subjects.events("node-1");
        String alert = Subjects.alert("CRITICAL", "Forged");
        String interest = "$KV." + Subjects.INTEREST_BUCKET + "." + Subjects.INTEREST_KEY;
        String[] all = {raw, events, alert, interest, Subjects.RULESET_CHANGED, Subjects.ALERTS_DEAD_LETTER,
                "peregrine.control.outputs", "alerts.out",
                "$JS.API.STREAM.DELETE." + Subjects.ALERTS_STREAM, "$JS.API.STREAM.PURGE." + Subjects.EVENTS_STREAM,
                "$JS.API.CONSUMER.MSG.NEXT." + Subjects.EVENTS_STREAM + "." + Subjects.EVENTS_CONSUMER,
                "$JS.API.CONSUMER.MSG.NEXT." + Subjects.ALERTS_STREAM + "." + NOTIFY_DURABLE,
                "$JS.API.CONSUMER.DELETE." + Subjects.EVENTS_STREAM + "." + Subjects.EVENTS_CONSUMER};

        List<String> capture = List.of(raw);
        assertOnly(capture, delivered("capture-svc", Subjects.raw("marker"), all), all);
        List<String> state = List.of(events);
        assertOnly(state, delivered("state-svc", Subjects.events("marker"), all), all);
        List<String> rules = List.of(alert, interest, Subjects.RULESET_CHANGED,
                "$JS.API.CONSUMER.MSG.NEXT." + Subjects.EVENTS_STREAM + "." + Subjects.EVENTS_CONSUMER);
        assertOnly(rules, delivered("rules-svc", Subjects.alert("INFO", "marker"), all), all);
        List<String> notify = List.of(Subjects.ALERTS_DEAD_LETTER, "peregrine.control.outputs", "alerts.out",
                "$JS.API.CONSUMER.MSG.NEXT." + Subjects.ALERTS_STREAM + "." + NOTIFY_DURABLE);
        assertOnly(notify, delivered("notify-svc", "alerts.marker", all), all);
    }

    @Test
    void eachServiceSubscribesOnlyToItsOwnSubjects() throws Exception {
        try (Client capture = connect("capture-svc"); Client state = connect("state-svc");
             Client notify = connect("notify-svc")) {
            capture.c().subscribe(Subjects.EVENTS_ALL);
            assertTrue(capture.violated(Subjects.EVENTS_ALL), "capture-svc may read events: " + capture.errors());
            state.c().subscribe(Subjects.ALERTS_ALL);
            assertTrue(state.violated(Subjects.ALERTS_ALL), "state-svc may read alerts: " + state.errors());
            notify.c().subscribe(Subjects.raw("node-1"));
            assertTrue(notify.violated(Subjects.raw("node-1")), "notify-svc may read frames: " + notify.errors());
            // Pulled events and alerts arrive on the puller's inbox: no other user may listen there.
            capture.c().subscribe("_INBOX_notify-svc.>");
            assertTrue(capture.violated("_INBOX_notify-svc.>"), "capture-svc may read notify-svc's replies: " + capture.errors());
            capture.c().subscribe("_INBOX.>");
            assertTrue(capture.violated("_INBOX.>"), "capture-svc may read every reply: " + capture.errors());
        }
    }

    @Test
    void captureReadsTheInterestButCannotWriteIt() throws Exception {
        try (Client rules = connect("rules-svc"); Client capture = connect("capture-svc")) {
            KeyValue written = InterestBucket.open(rules.c());
            written.put(Subjects.INTEREST_KEY, "by rules-svc".getBytes(StandardCharsets.UTF_8));

            KeyValue kv = InterestBucket.open(capture.c());
            assertEquals("by rules-svc", new String(kv.get(Subjects.INTEREST_KEY).getValue(), StandardCharsets.UTF_8));
            Exception refused = assertThrows(Exception.class,
                    () -> kv.put(Subjects.INTEREST_KEY, "{\"eventTypes\":[]}".getBytes(StandardCharsets.UTF_8)));
            assertTrue(capture.violated("$KV." + Subjects.INTEREST_BUCKET), refused + " / " + capture.errors());
            assertEquals("by rules-svc", new String(written.get(Subjects.INTEREST_KEY).getValue(), StandardCharsets.UTF_8));
            // Nor can it remove the bucket.
            assertThrows(Exception.class, () -> capture.c().keyValueManagement().delete(Subjects.INTEREST_BUCKET));
            assertTrue(rules.c().keyValueManagement().getBucketNames().contains(Subjects.INTEREST_BUCKET));
        }
    }

    /**
     * The whole JetStream path with each service's own user: state-svc's event reaches rules-svc's
     * durable consumer, rules-svc's alert reaches notify-svc's, notify-svc dead-letters it; capture-svc
     * publishing into the alert stream is refused and leaves the stream as it was.
     */
    @Test
    void eventsAndAlertsFlowThroughTheServicesOwnConsumers() throws Exception {
        try (Client capture = connect("capture-svc"); Client state = connect("state-svc");
             Client rules = connect("rules-svc"); Client notify = connect("notify-svc")) {
            var rulesJsm = rules.c().jetStreamManagement();
            rulesJsm.addStream(StreamConfiguration.builder().name(Subjects.EVENTS_STREAM).subjects(Subjects.EVENTS_ALL)
                    .storageType(StorageType.Memory).build());
            rulesJsm.addStream(StreamConfiguration.builder().name(Subjects.ALERTS_STREAM).subjects(Subjects.ALERTS_ALL)
                    .storageType(StorageType.File).build());
            rulesJsm.addOrUpdateConsumer(Subjects.EVENTS_STREAM, ConsumerConfiguration.builder()
                    .durable(Subjects.EVENTS_CONSUMER).filterSubject(Subjects.EVENTS_ALL).ackPolicy(AckPolicy.Explicit).build());
            var notifyJsm = notify.c().jetStreamManagement();
            notifyJsm.addStream(StreamConfiguration.builder().name("PEREGRINE_DEADLETTER").subjects(Subjects.ALERTS_DEAD_LETTER)
                    .storageType(StorageType.File).build());
            notifyJsm.addOrUpdateConsumer(Subjects.ALERTS_STREAM, ConsumerConfiguration.builder()
                    .durable(NOTIFY_DURABLE).filterSubject(Subjects.ALERTS_ALL).ackPolicy(AckPolicy.Explicit).build());

            // capture-svc cannot publish an alert, even through JetStream.
            long alertsBefore = rulesJsm.getStreamInfo(Subjects.ALERTS_STREAM).getStreamState().getMsgCount();
            assertThrows(Exception.class, () -> capture.c().jetStream().publish(Subjects.alert("CRITICAL", "Forged"), new byte[1]));
            assertTrue(capture.violated("peregrine.alerts"), capture.errors().toString());
            // Nor can it take events or alerts from the services' consumers.
            assertThrows(Exception.class, () -> capture.c().jetStreamManagement().getConsumerInfo(Subjects.ALERTS_STREAM, NOTIFY_DURABLE));

            state.c().publish(Subjects.events("node-1"), "event".getBytes(StandardCharsets.US_ASCII));
            state.c().flush(Duration.ofSeconds(5));
            var events = rules.c().getStreamContext(Subjects.EVENTS_STREAM).getConsumerContext(Subjects.EVENTS_CONSUMER);
            Message event = events.next(Duration.ofSeconds(10));
            assertNotNull(event, "rules-svc got no event");
            assertEquals("event", new String(event.getData(), StandardCharsets.US_ASCII));
            event.ackSync(Duration.ofSeconds(5));

            rules.c().jetStream().publish(Subjects.alert("WARNING", "Real"), "alert".getBytes(StandardCharsets.US_ASCII));
            var alerts = notify.c().getStreamContext(Subjects.ALERTS_STREAM).getConsumerContext(NOTIFY_DURABLE);
            Message alert = alerts.next(Duration.ofSeconds(10));
            assertNotNull(alert, "notify-svc got no alert");
            assertEquals("alert", new String(alert.getData(), StandardCharsets.US_ASCII));
            notify.c().jetStream().publish(Subjects.ALERTS_DEAD_LETTER, alert.getData());
            alert.ackSync(Duration.ofSeconds(5));
            assertEquals(alertsBefore + 1, rulesJsm.getStreamInfo(Subjects.ALERTS_STREAM).getStreamState().getMsgCount(),
                    "only rules-svc's alert is in the stream");
        } catch (JetStreamApiException | RuntimeException e) {
            fail("a service was refused what it needs: " + e + "\n" + NATS.log());
        }
    }
}
