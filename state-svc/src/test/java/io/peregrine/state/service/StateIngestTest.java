package io.peregrine.state.service;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.kit.auth.HostileTokens;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.NamedEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.peregrine.state.NamedEvents.p;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/** The shell on a real NATS server: raw frames in, projected frames out, bad input and loss. */
@QuarkusTest
class StateIngestTest {

    @Inject
    NatsClient nats;
    @Inject
    StateIngest ingest;

    private final EventRecordBuilder b = new EventRecordBuilder();

    private void add(FrameEncoder f, int code, long tid, Map<String, Object> params) {
        int len = NamedEvents.build(b, 1_700_000_000_000_000_000L, tid, code, params);
        f.add(b.segment(), 0, len, 1_700_000_000_000_000_000L);
    }

    private void awaitInterest(String type) throws InterruptedException {
        // Waiting for the KV watcher to deliver (a condition, not a timing assertion).
        for (int i = 0; i < 600 && !ingest.applier().interest().eventTypes().contains(type); i++) {
            Thread.sleep(50);
        }
        assertTrue(ingest.applier().interest().eventTypes().contains(type), "interest from the KV bucket was applied");
    }

    private static List<Map<String, String>> records(byte[] frame) throws Exception {
        FrameView v = new FrameView().wrap(frame);
        assertEquals(FrameKind.PROJECTED_EVENTS, v.kind());
        ProjectedEventView r = new ProjectedEventView();
        List<Map<String, String>> out = new ArrayList<>();
        for (long at = v.payloadStart(); at < v.payloadEnd(); at += r.length()) {
            r.wrap(v.segment(), at);
            assertNull(r.validate(v.payloadEnd() - at));
            Map<String, String> m = new HashMap<>();
            m.put("type", EventTypes.name(r.eventType()));
            m.put("dir", Integer.toString(r.direction()));
            long val = r.firstValue();
            for (int i = 0; i < r.valueCount(); i++) {
                String name = FieldCatalog.byId(r.valueFieldId(val)).name();
                int al = r.valueArgLength(val);
                if (al > 0) {
                    byte[] a = new byte[al];
                    for (int k = 0; k < al; k++) {
                        a[k] = r.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, r.valueArgOffset(val) + k);
                    }
                    name += "." + new String(a, StandardCharsets.US_ASCII);
                }
                m.put(name, r.valueTag(val) == ProjectionFormat.TAG_BYTES ? r.textAt(r.valuePayload(val)) : "tag" + r.valueTag(val));
                val = r.nextValue(val);
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void projectsFramesSkipsMalformedOnesAndRaisesLoss() throws Exception {
        Connection c = nats.connection();
        KeyValue kv = c.keyValue(Subjects.INTEREST_BUCKET);
        kv.put(Subjects.INTEREST_KEY, Interest.of(false, Map.of("openat", Set.of("fd.name", "proc.name", "proc.aname[1]"))).encode());
        awaitInterest("openat");

        String node = ingest.node();
        Subscription sub = c.subscribe(Subjects.events(node));
        c.flush(Duration.ofSeconds(5));

        FrameEncoder raw = new FrameEncoder(FrameKind.RAW_EVENTS, node, UUID.randomUUID(), 4096);
        add(raw, EventCodes.PEREGRINE_SEED_THREAD_E, 10, p("tid", 10, "pid", 10, "ptid", 1, "comm", "sshd", "exe", "sshd", "cwd", "/"));
        add(raw, EventCodes.PEREGRINE_SEED_THREAD_E, 42, p("tid", 42, "pid", 42, "ptid", 10, "comm", "cat", "exe", "cat", "cwd", "/etc"));
        add(raw, EventCodes.PPME_SYSCALL_OPENAT_2_E, 42, p("dirfd", -100, "name", "shadow", "flags", 1));
        add(raw, EventCodes.PPME_SYSCALL_OPENAT_2_X, 42, p("fd", 3, "dirfd", -100, "name", "shadow", "flags", 1));
        add(raw, EventCodes.PPME_SYSCALL_READ_E, 42, p("fd", 3, "size", 10));
        c.publish(Subjects.raw(node), raw.finish(0, 0));

        Message m = sub.nextMessage(Duration.ofSeconds(30));
        assertNotNull(m, "a projected frame arrives");
        List<Map<String, String>> recs = records(m.getData());
        assertEquals(2, recs.size(), "openat enter and exit only: read is not in the interest");
        Map<String, String> exit = recs.get(1);
        assertEquals("openat", exit.get("type"));
        assertEquals("/etc/shadow", exit.get("fd.name"));
        assertEquals("cat", exit.get("proc.name"));
        assertEquals("sshd", exit.get("proc.aname.1"));

        // A malformed frame is counted and skipped; the stream goes on.
        long malformedBefore = ingest.applier().malformed();
        c.publish(Subjects.raw(node), "not a frame".getBytes(StandardCharsets.US_ASCII));
        byte[] damaged = raw.finish(0, 0); // sequence 2, then damaged: never applied
        add(raw, EventCodes.PPME_SYSCALL_OPENAT_2_X, 42, p("fd", 4, "dirfd", -100, "name", "/x", "flags", 1));
        byte[] bad = raw.finish(0, 0); // sequence 3
        bad[bad.length - 1] ^= 0x5a;
        c.publish(Subjects.raw(node), bad);

        // Sequence 4 after 1: frames 2 and 3 never applied -> a gap, and 5 events lost in capture.
        add(raw, EventCodes.PPME_SYSCALL_OPENAT_2_X, 42, p("fd", 5, "dirfd", -100, "name", "/etc/hosts", "flags", 1));
        c.publish(Subjects.raw(node), raw.finish(5, 0));
        Message m2 = sub.nextMessage(Duration.ofSeconds(30));
        assertNotNull(m2);
        List<Map<String, String>> recs2 = records(m2.getData());
        assertEquals(3, recs2.size());
        assertEquals("drop", recs2.get(0).get("type"));
        assertEquals("sequence_gap:2_frames", recs2.get(0).get("evt.arg.reason"));
        assertEquals("1", recs2.get(0).get("evt.arg.lost"), "exactly the one event of the frame that never came");
        assertEquals("drop", recs2.get(1).get("type"));
        assertEquals("5", recs2.get(1).get("evt.arg.lost"));
        assertEquals("/etc/hosts", recs2.get(2).get("fd.name"));
        assertEquals(malformedBefore + 2, ingest.applier().malformed());
        assertTrue(damaged.length > 0);

        // The end of a replay flows through even when nothing in the last frame is projected.
        add(raw, EventCodes.PPME_SYSCALL_READ_E, 42, p("fd", 5, "size", 1));
        c.publish(Subjects.raw(node), raw.finish(0, io.peregrine.protocol.frame.Frame.FLAG_END_OF_STREAM));
        Message m3 = sub.nextMessage(Duration.ofSeconds(30));
        assertNotNull(m3);
        FrameView eos = new FrameView().wrap(m3.getData());
        assertTrue(eos.endOfStream());
        assertEquals(0, eos.count());
        assertTrue(records(m3.getData()).isEmpty());

        given().auth().oauth2(HostileTokens.valid()).when().get("/api/v1/state").then().statusCode(200)
                .body("nodes." + node + ".threads", org.hamcrest.Matchers.equalTo(2))
                .body("sequenceGaps", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void malformedInterestKeepsThePreviousOne() throws Exception {
        KeyValue kv = nats.connection().keyValue(Subjects.INTEREST_BUCKET);
        kv.put(Subjects.INTEREST_KEY, Interest.of(false, Map.of("connect", Set.of("fd.name"))).encode());
        awaitInterest("connect");
        kv.put(Subjects.INTEREST_KEY, "garbage".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 600 && ingest.interestError() == null; i++) {
            Thread.sleep(50);
        }
        assertNotNull(ingest.interestError());
        assertTrue(ingest.applier().interest().eventTypes().contains("connect"));
        // Leave a valid entry behind for whoever reads the bucket next.
        kv.put(Subjects.INTEREST_KEY, Interest.of(false, Map.of("connect", Set.of("fd.name"))).encode());
    }
}
