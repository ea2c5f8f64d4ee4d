package io.peregrine.state.frames;

import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Node names come from frames: forged ones must not add node state without bound. */
class NodeLimitTest {

    private static byte[] emptyFrame(String node) {
        return new FrameEncoder(FrameKind.RAW_EVENTS, node, UUID.randomUUID(), 256).finish(0, 0);
    }

    @Test
    void nodesBeyondTheLimitAreRefusedAndCounted() {
        FrameApplier a = new FrameApplier(null, 3);
        for (int i = 0; i < 1000; i++) {
            a.apply(emptyFrame("forged-" + i));
        }
        assertEquals(3, a.nodeStatus().size());
        assertEquals(997, a.refused());
        assertEquals(3, a.frames());
        // A node already kept goes on.
        FrameApplier.Result r = a.apply(emptyFrame("forged-1"));
        assertFalse(r.malformed());
        assertEquals(4, a.frames());
    }

    @Test
    void anApplierForOneNodeRefusesEveryOther() {
        FrameApplier a = new FrameApplier("node-a", FrameApplier.DEFAULT_NODE_LIMIT);
        FrameApplier.Result r = a.apply(emptyFrame("node-b"));
        assertTrue(r.malformed());
        assertTrue(r.error().contains("node-b"), r.error());
        assertFalse(a.apply(emptyFrame("node-a")).malformed());
        assertEquals(1, a.refused());
        assertNull(a.node("node-b"));
        assertNotNull(a.node("node-a"));
    }

    @Test
    void theDefaultApplierIsBounded() {
        FrameApplier a = new FrameApplier();
        for (int i = 0; i < FrameApplier.DEFAULT_NODE_LIMIT + 10; i++) {
            a.apply(emptyFrame("n" + i));
        }
        assertEquals(FrameApplier.DEFAULT_NODE_LIMIT, a.nodeStatus().size());
        assertEquals(10, a.refused());
    }
}
