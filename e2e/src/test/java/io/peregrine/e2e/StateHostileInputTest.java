package io.peregrine.e2e;

import static io.peregrine.e2e.HostileService.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.e2e.HostileService.Case;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.frame.Frame;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * state-svc's inputs made hostile: forged and malformed frames on its raw subject
 * {@code peregrine.raw.<node>} (truncated, lying length fields, wrong kinds, another node's name,
 * seeded mutations of a real frame with and without a repaired checksum) and bad calls to its REST
 * API. Every frame must be accounted for, as applied, malformed or refused (the counters of
 * {@code /api/v1/state} and {@code /q/metrics}); a good frame after them is still applied and its
 * loss forwarded on {@code peregrine.events.<node>}; the process is the one started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateHostileInputTest {

    static final int MUTATIONS = Integer.getInteger("peregrine.hostile.mutations", 1500);
    static final long SEED = Long.getLong("peregrine.hostile.seed", 15L);
    private static final ObjectMapper JSON = new ObjectMapper();
    // Offsets of the frame header (docs/event-format.md): the reader must trust none of them.
    static final int OFF_VERSION = 4;
    static final int OFF_KIND = 6;
    static final int OFF_NODE_LEN = 10;
    static final int OFF_COUNT = 12;
    static final int OFF_PAYLOAD_LEN = 64;
    static final int OFF_CRC = 68;

    private final String node = "hostile-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private HostileService svc;
    private Connection nats;
    private Subscription projected;
    private byte[] real;
    private int realCount;

    @BeforeAll
    void start() throws Exception {
        // The NATS client's own exceptions (a message handler that threw among them) logged, to be looked for.
        svc = HostileService.start("state-svc", Map.of("PEREGRINE_STATE_NODE", node,
                "QUARKUS_LOG_CATEGORY__IO_PEREGRINE_KIT_NATS__LEVEL", "DEBUG"));
        nats = Nats.connect(svc.natsUrl);
        projected = nats.subscribe(Subjects.events(node));
        nats.flush(Duration.ofSeconds(5));
        real = frame(node, UUID.randomUUID(), 0);
        realCount = Frame.count(real);
    }

    @AfterAll
    void stop() throws Exception {
        if (nats != null) {
            nats.close();
        }
        if (svc != null) {
            svc.close();
        }
    }

    /** The events of a real .scap (seed events of its process table, then 200 events) as one raw frame. */
    static byte[] frame(String node, UUID boot, long lost) throws Exception {
        FrameEncoder enc = new FrameEncoder(FrameKind.RAW_EVENTS, node, boot, 1 << 16);
        try (ScapReader r = ScapReader.of(new ByteArrayInputStream(RulesHostileInputTest.smallScap()))) {
            r.drain(ev -> enc.add(ev.segment(), ev.offset(), ev.len(), ev.ts()));
        }
        return enc.finish(lost, 0);
    }

    // ------------------------------------------------------------------ fixed frames

    record FrameCase(String name, byte[] frame, String counter) {
    }

    @TestFactory
    Stream<DynamicTest> eachForgedFrameIsCountedAndSkipped() throws Exception {
        List<FrameCase> cs = new ArrayList<>();
        cs.add(new FrameCase("an empty message", new byte[0], "malformedFrames"));
        cs.add(new FrameCase("text, not a frame", utf8("not a frame at all, but longer than eighty bytes ........................................"), "malformedFrames"));
        cs.add(new FrameCase("the 80-byte header alone", Arrays.copyOf(real, 80), "malformedFrames"));
        cs.add(new FrameCase("a real frame cut in half", Arrays.copyOf(real, real.length / 2), "malformedFrames"));
        cs.add(new FrameCase("payload length 2 GiB", with(real, b -> b.putInt(OFF_PAYLOAD_LEN, 0x7fffffff)), "malformedFrames"));
        cs.add(new FrameCase("payload length -1", with(real, b -> b.putInt(OFF_PAYLOAD_LEN, -1)), "malformedFrames"));
        cs.add(new FrameCase("record count 2^31-1", with(real, b -> b.putInt(OFF_COUNT, 0x7fffffff)), "malformedFrames"));
        cs.add(new FrameCase("node name length 65535", with(real, b -> b.putShort(OFF_NODE_LEN, (short) -1)), "malformedFrames"));
        cs.add(new FrameCase("projected kind on the raw subject", with(real, b -> b.putShort(OFF_KIND, (short) 2)), "malformedFrames"));
        cs.add(new FrameCase("unknown kind 99", with(real, b -> b.putShort(OFF_KIND, (short) 99)), "malformedFrames"));
        cs.add(new FrameCase("version 2", with(real, b -> b.putShort(OFF_VERSION, (short) 2)), "malformedFrames"));
        cs.add(new FrameCase("one payload byte flipped", with(real, b -> b.put(real.length - 5, (byte) (b.get(real.length - 5) ^ 0x40))), "malformedFrames"));
        cs.add(new FrameCase("first record claiming 2 GiB, checksum repaired",
                crc(with(real, b -> b.putInt(80 + node.length() + 16, 0x7fffffff))), "malformedFrames"));
        byte[] noise = new byte[512 << 10];
        new Random(SEED).nextBytes(noise);
        cs.add(new FrameCase("512 KiB of random bytes", noise, "malformedFrames"));
        cs.add(new FrameCase("another node's frame on this node's subject", frame("other-node", UUID.randomUUID(), 0), "refusedFrames"));
        cs.add(new FrameCase("a frame of a 253-byte node name", frame("n".repeat(253), UUID.randomUUID(), 0), "refusedFrames"));
        return cs.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            JsonNode before = status();
            nats.publish(Subjects.raw(node), c.frame());
            JsonNode after = awaitAccounted(before, 1);
            assertEquals(before.path(c.counter()).asLong() + 1, after.path(c.counter()).asLong(), c.name() + ": " + after);
            assertEquals(before.path("frames").asLong(), after.path("frames").asLong(), c.name() + " was applied: " + after);
            assertEquals(after.path("malformedFrames").asDouble(), svc.metric("peregrine_state_frames_malformed", ""));
            assertEquals(after.path("refusedFrames").asDouble(), svc.metric("peregrine_state_frames_refused", ""));
            svc.assertSameProcess();
        }));
    }

    // ------------------------------------------------------------------ seeded mutations

    @Test
    void mutatedFramesAreAllAccountedForAndGoodFramesStillApplied() throws Exception {
        Random rnd = new Random(SEED ^ 0xf4a3e);
        JsonNode before = status();
        int repaired = 0;
        JsonNode batch = before;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] f = mutate(real, rnd);
            if (rnd.nextBoolean() && f.length >= 80) {
                f = crc(f);
                repaired++;
            }
            nats.publish(Subjects.raw(node), f);
            // In batches the service keeps up with: beyond its client's pending limit (64 MiB) NATS
            // drops frames, which is a sequence gap in real traffic, and here an unaccounted frame.
            if ((i + 1) % 100 == 0) {
                batch = awaitAccounted(batch, 100);
            }
        }
        JsonNode after = awaitAccounted(before, MUTATIONS);
        long malformed = after.path("malformedFrames").asLong() - before.path("malformedFrames").asLong();
        long applied = after.path("frames").asLong() - before.path("frames").asLong();
        // A mutator whose every frame is refused, or every frame applied, tests little.
        assertTrue(malformed > 0 && applied > 0, "malformed " + malformed + ", applied " + applied + " (" + repaired
                + " checksums repaired): " + after);
        assertNoHandlerFailure();
        svc.assertSameProcess();
        assertGoodFrameApplied();
    }

    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int ops = 1 + rnd.nextInt(3);
        for (int k = 0; k < ops && b.length > 0; k++) {
            switch (rnd.nextInt(5)) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> {
                    int[] values = {0, 1, 2, 26, 0xffff, 0x7fffffff, -1, 0x80000000, 1 << 30, rnd.nextInt()};
                    int at = rnd.nextInt(4) == 0 ? rnd.nextInt(80) : rnd.nextInt(b.length);
                    if (at + 4 <= b.length) {
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, values[rnd.nextInt(values.length)]);
                    }
                }
                case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 3 -> {
                    int from = rnd.nextInt(b.length + 1);
                    int to = Math.min(b.length, from + rnd.nextInt(2048));
                    int at = rnd.nextInt(b.length + 1);
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(b, 0, at);
                    o.write(b, from, to - from);
                    o.write(b, at, b.length - at);
                    b = o.toByteArray();
                }
                default -> {
                    // A record's parameter lengths, the header's payload length kept in step with the size.
                    int at = 80 + rnd.nextInt(Math.max(1, b.length - 84));
                    if (at + 2 <= b.length) {
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) rnd.nextInt(65536));
                    }
                }
            }
        }
        if (b.length >= 80 && rnd.nextBoolean()) {
            int nl = Short.toUnsignedInt(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(OFF_NODE_LEN));
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(OFF_PAYLOAD_LEN, b.length - 80 - nl);
        }
        return b;
    }

    // ------------------------------------------------------------------ REST

    @TestFactory
    Stream<DynamicTest> eachBadCallGetsItsAnswer() {
        List<Case> cs = List.of(
                new Case("status without a token", "GET", "/api/v1/state", null, null, null, 401, ""),
                new Case("status with a token of no role", "GET", "/api/v1/state", "nobody", null, null, 403, ""),
                new Case("status by DELETE", "DELETE", "/api/v1/state", "admin", null, null, 405, ""),
                new Case("status with a body of 1 MiB", "POST", "/api/v1/state", "admin", "application/json",
                        new byte[1 << 20], 405, ""),
                new Case("a path under the status", "GET", "/api/v1/state/../../../etc/passwd", "admin", null, null,
                        404, ""),
                new Case("unknown parameters are ignored", "GET", "/api/v1/state?node=%00%ff&limit=-1", "viewer", null,
                        null, 200, "\"node\":\"" + node + "\""));
        return cs.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> svc.check(c)));
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode status() throws Exception {
        return JSON.readTree(svc.get("/api/v1/state", "viewer").body());
    }

    /** Waits (bounded) until {@code n} more frames are accounted for as applied, malformed or refused. */
    private JsonNode awaitAccounted(JsonNode before, long n) throws Exception {
        long want = total(before) + n;
        JsonNode now = status();
        for (int i = 0; i < 1200 && total(now) < want; i++) {
            Thread.sleep(50);
            now = status();
        }
        assertEquals(want, total(now), "every frame accounted for: before " + before + ", now " + now + "\n" + svc.tail(30));
        return now;
    }

    private static long total(JsonNode s) {
        return s.path("frames").asLong() + s.path("malformedFrames").asLong() + s.path("refusedFrames").asLong();
    }

    /** A frame that made the handler throw would be lost without a count: the NATS client's log tells. */
    private void assertNoHandlerFailure() throws Exception {
        String log = svc.log();
        int at = log.indexOf("NATS exception");
        assertTrue(at < 0, log.substring(Math.max(0, at), Math.min(log.length(), at + 2000)));
    }

    /** A good frame of a new capture stream after all that: applied, its loss forwarded downstream. */
    private void assertGoodFrameApplied() throws Exception {
        while (projected.nextMessage(Duration.ofMillis(200)) != null) {
            // what the mutated frames produced
        }
        JsonNode before = status();
        nats.publish(Subjects.raw(node), frame(node, UUID.randomUUID(), 3));
        JsonNode after = awaitAccounted(before, 1);
        assertEquals(before.path("frames").asLong() + 1, after.path("frames").asLong(), after.toString());
        assertEquals(before.path("lostEvents").asLong() + 3, after.path("lostEvents").asLong(), after.toString());
        Message m = projected.nextMessage(Duration.ofSeconds(30));
        assertNotNull(m, "a projected frame after the good one\n" + svc.tail(30));
    }

    private static byte[] with(byte[] frame, java.util.function.Consumer<ByteBuffer> change) {
        byte[] b = frame.clone();
        change.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
        return b;
    }

    /** The frame with its payload checksum made right again, so its other lies reach the reader. */
    static byte[] crc(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int nl = Short.toUnsignedInt(b.getShort(OFF_NODE_LEN));
        int pl = b.getInt(OFF_PAYLOAD_LEN);
        if (pl < 0 || 80L + nl + pl != frame.length) {
            return frame;
        }
        CRC32C c = new CRC32C();
        c.update(frame, 80 + nl, pl);
        b.putInt(OFF_CRC, (int) c.getValue());
        return frame;
    }
}
