package io.peregrine.state.service;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.peregrine.kit.auth.HostileTokens;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.state.NamedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.peregrine.state.NamedEvents.p;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two nodes' frames on one NATS: the state-svc of node A projects A's only. Frames of node B on
 * B's subject never reach it; a frame naming node C sent on A's subject is refused and keeps no state.
 */
@QuarkusTest
@TestProfile(OwnNodeOnlyTest.NodeA.class)
class OwnNodeOnlyTest {

    public static final class NodeA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("peregrine.state.node", "node-a");
        }
    }

    @Inject
    NatsClient nats;
    @Inject
    StateIngest ingest;

    private final EventRecordBuilder b = new EventRecordBuilder();

    private byte[] frame(String node) {
        FrameEncoder f = new FrameEncoder(FrameKind.RAW_EVENTS, node, UUID.randomUUID(), 4096);
        long ts = 1_700_000_000_000_000_000L;
        int len = NamedEvents.build(b, ts, 7, EventCodes.PEREGRINE_SEED_THREAD_E,
                p("tid", 7, "pid", 7, "ptid", 1, "comm", "cat", "exe", "cat", "cwd", "/"));
        f.add(b.segment(), 0, len, ts);
        len = NamedEvents.build(b, ts, 7, EventCodes.PPME_SYSCALL_OPENAT_2_X,
                p("fd", 3, "dirfd", -100, "name", "/etc/" + node, "flags", 1));
        f.add(b.segment(), 0, len, ts);
        return f.finish(0, 0);
    }

    @Test
    void projectsItsOwnNodeOnly() throws Exception {
        assertEquals("node-a", ingest.node());
        assertEquals("peregrine.raw.node-a", ingest.subject());
        Connection c = nats.connection();
        c.keyValue(Subjects.INTEREST_BUCKET).put(Subjects.INTEREST_KEY,
                Interest.of(false, Map.of("openat", Set.of("fd.name"))).encode());
        // Waiting for the KV watcher to deliver (a condition, not a timing assertion).
        for (int i = 0; i < 600 && !ingest.applier().interest().eventTypes().contains("openat"); i++) {
            Thread.sleep(50);
        }
        assertTrue(ingest.applier().interest().eventTypes().contains("openat"));

        Subscription projected = c.subscribe("peregrine.events.>");
        c.flush(Duration.ofSeconds(5));
        long refusedBefore = ingest.applier().refused();

        // In this order from one connection: a state-svc that took B's or C's frame would have
        // projected it before A's, so the first projected frame tells.
        c.publish(Subjects.raw("node-b"), frame("node-b"));
        c.publish(Subjects.raw("node-a"), frame("node-c"));
        c.publish(Subjects.raw("node-a"), frame("node-a"));
        c.flush(Duration.ofSeconds(5));

        Message first = projected.nextMessage(Duration.ofSeconds(30));
        assertNotNull(first, "node A's frame is projected");
        assertEquals("peregrine.events.node-a", first.getSubject());
        assertEquals("node-a", new FrameView().wrap(first.getData()).node());

        assertNull(ingest.applier().node("node-b"), "no state for another node");
        assertNull(ingest.applier().node("node-c"), "no state for a node a frame merely names");
        assertNotNull(ingest.applier().node("node-a"));
        // Only C's forged frame was delivered and refused: B's never reached this service.
        assertEquals(refusedBefore + 1, ingest.applier().refused());
        given().auth().oauth2(HostileTokens.valid()).when().get("/api/v1/state").then().statusCode(200)
                .body("node", equalTo("node-a"))
                .body("nodes.size()", equalTo(1));
    }
}
